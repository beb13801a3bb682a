package loadlab.reports.amplification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.testkit.FixtureRun;

/**
 * From calls of which one in a hundred is slow (20 ms against 0.8 ms), the predicted p99 is a fast
 * call's at a fan-out of 1 and a slow call's from 2 on (1 − 0.99² ≈ 2% of requests meet one); the
 * curve reaches k = 64 and passes through the run's own k, where it is the table's prediction. A
 * request that declared no fan-out has no row.
 */
class ThePredictedTailGrowsWithTheFanOutTest {
    @TempDir
    Path tmp;

    @Test
    void oneSlowCallInAHundredDominatesFromTwoCallsOn() {
        Path run = FixtureRun.of("home", 100).and("post", 100).and("search", 50).seconds(10)
                .serverTiming("home", "cache", 800, 20_000).fanout("home", 16)
                .serverTiming("post", "cache", 800, 20_000).fanout("post", 12)
                .serverTiming("search", "index", 500, 500).writeTo(tmp.resolve("fanned"));
        Map<String, TailAmplification> rows = TailAmplification.of(RunDirectory.open(run)).stream()
                .collect(Collectors.toMap(TailAmplification::request, Function.identity()));
        assertEquals(List.of("home", "post"), rows.keySet().stream().sorted().toList(), "search declared no fan-out");

        TailAmplification home = rows.get("home");
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L), home.curve().stream().map(TailAmplification.Predicted::k).toList());
        assertEquals(home.baseUs() + home.callP99Us(), home.curve().get(0).p99Us(), "one call: the calls' own p99");
        assertTrue(Math.abs(home.callP99Us() - 800) <= 1, "99 calls in 100 are fast: " + home.callP99Us());
        for (TailAmplification.Predicted p : home.curve().subList(1, home.curve().size())) {
            assertTrue(Math.abs(p.p99Us() - home.baseUs() - 20_000) <= 20, "k = " + p.k() + " meets a slow call: " + p);
        }
        assertEquals(home.predictedP99Us(), home.curve().get(4).p99Us(), "at the run's k the curve is the table's prediction");

        List<Long> postKs = rows.get("post").curve().stream().map(TailAmplification.Predicted::k).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 12L, 16L, 32L, 64L), postKs, "the run's own k is on the curve");
    }
}
