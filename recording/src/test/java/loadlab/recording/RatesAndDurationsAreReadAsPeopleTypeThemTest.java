package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One parser reads every rate and duration a user types, k6's and Gatling's habits included; the rest is one sentence. */
class RatesAndDurationsAreReadAsPeopleTypeThemTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "500ms, 500000000", "30s, 30000000000", "90s, 90000000000", "1m30s, 90000000000", "2m, 120000000000", "1h, 3600000000000",
            "1h2m3s, 3723000000000", "1.5s, 1500000000", "800us, 800000", "800µs, 800000", "250ns, 250", "1s500ms, 1500000000", "0s, 0"})
    void durations(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), Units.duration("--duration", text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500/s, 500", "10k/s, 10000", "1.5k/s, 1500", "2M/s, 2000000", "30/m, 0.5", "30/min, 0.5", "7200/h, 2", "10K/s, 10000",
            "100 / s, 100"})
    void rates(String text, double perSecond) {
        assertEquals(perSecond, Units.perSecond("--rate", text), 1e-9);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "30       | --duration '30' needs a unit; write it like 30s (or 500ms, 30s, 1m30s or 2h)",
            "30sec    | --duration '30sec' is not a duration; write it like 500ms, 30s, 1m30s or 2h",
            "30s1m    | --duration '30s1m' is not a duration; write it like 500ms, 30s, 1m30s or 2h",
            "-5s      | --duration '-5s' is not a duration; write it like 500ms, 30s, 1m30s or 2h",
            "''       | --duration '' is not a duration; write it like 500ms, 30s, 1m30s or 2h"})
    void wrongDurations(String text, String sentence) {
        assertEquals(sentence, assertThrows(IllegalArgumentException.class, () -> Units.duration("--duration", text)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "500      | --rate '500' needs a time unit; write it like 500/s",
            "10k      | --rate '10k' needs a time unit; write it like 10k/s",
            "1m/s     | --rate '1m/s' is ambiguous: write a million per second as 1M/s, a thousand as 1k/s",
            "fast     | --rate 'fast' is not a rate; write it like 500/s, 10k/s, 1.5k/s or 30/m"})
    void wrongRates(String text, String sentence) {
        assertEquals(sentence, assertThrows(IllegalArgumentException.class, () -> Units.perSecond("--rate", text)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"90000000000, 1m30s", "3600000000000, 1h", "500000000, 500ms", "30000000000, 30s", "3723000000000, 1h2m3s"})
    void durationsAreWrittenTheWayTheyAreRead(long nanos, String text) {
        assertEquals(text, Units.text(Duration.ofNanos(nanos)));
        assertEquals(Duration.ofNanos(nanos), Units.duration("x", text));
    }
}
