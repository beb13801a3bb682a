package loadlab.scenarios.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.recording.RunModel;

class LoadProfilesTest {
    @TempDir
    Path tmp;

    private static ProfileSpec flags(String rate, String ramp, String stairs, String hold, Integer concurrency, String duration, String warmup) {
        return new ProfileSpec(rate, ramp, stairs, hold, concurrency, duration, warmup, null);
    }

    @Test
    void aConstantRateArrivesExactlyEverySecondAfterAnUncountedWarmUp() {
        OpenProfile p = (OpenProfile) flags("500/s", null, null, null, null, "30s", "5s").toProfile();
        assertEquals(35, p.perSecond().length);
        assertTrue(Arrays.stream(p.perSecond()).allMatch(n -> n == 500));
        assertEquals(15_000, p.measuredArrivals());
        assertEquals(500.0, p.targetRate());
        assertEquals(5, p.warmupSeconds());
    }

    @Test
    void aRampArrivesAsTheIntegralOfItsRateWithNothingLostToRounding() {
        OpenProfile p = (OpenProfile) flags(null, "100/s..2000/s", null, null, null, "2m", "0s").toProfile();
        assertEquals(126_000, p.measuredArrivals());
        for (int i = 1; i < p.perSecond().length; i++) assertTrue(p.perSecond()[i] >= p.perSecond()[i - 1]);
        OpenProfile slow = (OpenProfile) flags("0.5/s", null, null, null, null, "10s", "0s").toProfile();
        assertEquals(5, slow.measuredArrivals());
    }

    @Test
    void aStaircaseHoldsEachLevel() {
        OpenProfile p = (OpenProfile) flags(null, null, "250/s+250/s*8", "20s", null, null, "0s").toProfile();
        assertEquals(8, p.phases().size());
        assertEquals(2000.0, p.phases().get(7).from());
        assertEquals(180_000, p.measuredArrivals());
    }

    @Test
    void aClosedModelHasNoTargetRate() {
        ClosedProfile p = (ClosedProfile) flags(null, null, null, null, 32, "1m", null).toProfile();
        assertEquals(RunModel.CLOSED, p.model());
        assertNull(p.targetRate());
        assertEquals(5, p.warmupSeconds(), "the default warm-up");
    }

    @Test
    void sharesOfAProfileAddUpToExactlyTheProfileEverySecond() {
        OpenProfile whole = (OpenProfile) flags(null, "7/s..1003/s", null, null, null, "40s", "2s").toProfile();
        for (int n = 1; n <= 7; n++) {
            long[] sum = new long[whole.perSecond().length];
            for (int k = 1; k <= n; k++) {
                long[] part = whole.share(k, n).perSecond();
                for (int s = 0; s < sum.length; s++) sum[s] += part[s];
            }
            assertArrayEquals(whole.perSecond(), sum, "n=" + n);
        }
        ClosedProfile closed = new ClosedProfile(10, 60, 0, null);
        assertEquals(10, closed.share(1, 3).concurrency() + closed.share(2, 3).concurrency() + closed.share(3, 3).concurrency());
    }

    private static void assertArrayEquals(long[] a, long[] b, String message) {
        Assertions.assertArrayEquals(a, b, message);
    }

    @Test
    void aYamlProfileChainsPhases() throws Exception {
        Path file = tmp.resolve("load.yaml");
        Files.writeString(file, "warmup: 3s\nphases:\n  - {rate: 100/s, duration: 10s}\n  - {ramp: 100/s..300/s, duration: 10s}\n"
                + "  - {stairs: 300/s+100/s*2, hold: 5s}\n");
        OpenProfile p = (OpenProfile) new ProfileSpec(null, null, null, null, null, null, null, file.toString()).toProfile();
        assertEquals(4, p.phases().size());
        assertEquals(3, p.warmupSeconds());
        assertEquals(1_000 + 2_000 + 1_500 + 2_000, p.measuredArrivals());
    }

    @org.junit.jupiter.api.Test
    void ratesAndDurationsAreAcceptedAsK6AndGatlingUsersTypeThem() {
        LoadProfile p = flags("10k/s", null, null, null, null, "1m30s", "5s").toProfile();
        assertEquals(90, p.measuredSeconds());
        assertEquals(10_000.0, p.targetRate(), 1e-9);
        OpenProfile ramp = (OpenProfile) flags(null, "1.5k/s..3k/s", null, null, null, "90s", null).toProfile();
        assertEquals(90, ramp.measuredSeconds());
        assertEquals(1_500.0, ramp.phases().get(0).from(), 1e-9);
        assertEquals(3_000.0, ramp.phases().get(0).to(), 1e-9);
        OpenProfile stairs = (OpenProfile) flags(null, null, "1k/s+500/s*3", "1m", null, null, null).toProfile();
        assertEquals(180, stairs.measuredSeconds());
        assertEquals(2_000.0, stairs.phases().get(2).from(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rate 500                   | --rate '500' needs a time unit; write it like 500/s",
            "rate fast                  | --rate 'fast' is not a rate",
            "duration 1.5s              | --duration must be whole seconds",
            "duration 90                | --duration '90' needs a unit; write it like 90s",
            "duration 1500ms            | --duration must be whole seconds",
            "warmup -1s                 | --warmup '-1s' is not a duration",
            "ramp 100/s-200/s           | is not a ramp; write it like 100/s..2000/s",
            "stairs 250/s*8             | is not a staircase",
            "two shapes                 | give one of --rate, --ramp, --stairs, --concurrency or --profile, not several",
            "stairs with duration       | --stairs takes --hold",
            "concurrency 0              | --concurrency must be from 1 to 100000",
            "ramp without duration      | --duration is needed with this profile",
    })
    void badProfilesAreRefusedWithOneSentence(String what, String message) {
        ProfileSpec spec = switch (what.trim()) {
            case "rate 500" -> flags("500", null, null, null, null, "10s", null);
            case "rate fast" -> flags("fast", null, null, null, null, "10s", null);
            case "duration 1.5s" -> flags("10/s", null, null, null, null, "1.5s", null);
            case "duration 1500ms" -> flags("10/s", null, null, null, null, "1500ms", null);
            case "duration 90" -> flags("10/s", null, null, null, null, "90", null);
            case "warmup -1s" -> flags("10/s", null, null, null, null, "10s", "-1s");
            case "ramp 100/s-200/s" -> flags(null, "100/s-200/s", null, null, null, "10s", null);
            case "stairs 250/s*8" -> flags(null, null, "250/s*8", "10s", null, null, null);
            case "two shapes" -> flags("10/s", "1/s..2/s", null, null, null, "10s", null);
            case "stairs with duration" -> flags(null, null, "1/s+1/s*2", "5s", null, "10s", null);
            case "concurrency 0" -> flags(null, null, null, null, 0, "10s", null);
            default -> flags(null, "1/s..2/s", null, null, null, null, null);
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, spec::toProfile);
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
    }
}
