package loadlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunModel;
import loadlab.recording.Summary;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.FreezingServer;
import loadlab.injector.internal.run.Engine;

/**
 * The measurement rule that makes loadlab's numbers true. A target that freezes for 1 s every 5 s,
 * loaded at a constant rate, keeps about 20% of requests waiting uniformly 0 to 1 s: the true p90
 * is about 500 ms and p99 about 950 ms. Measured from the intended start, loadlab reports that; a
 * closed model, whose users wait with the target, reports almost nothing. On both engines.
 */
@EndToEnd
class OpenModelRecordsWhatAStallReallyCostsTest {
    @TempDir
    Path runs;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void constantRateLoadSeesTheFreezeAndAClosedModelHidesIt(Engine engine) throws Exception {
        try (FreezingServer target = new FreezingServer(5_000, 1_000)) {
            Summary open = InjectorRuns.run(runs, target.url(),
                    new ProfileSpec("200/s", null, null, null, null, "20s", "2s", null), List.of(), engine, 64).run().summary();
            Summary.Distribution latency = open.total().latencyUs();
            assertEquals(4_000, open.total().count(), 40, "20 s at 200/s");
            assertEquals(0, open.total().errors().total());
            assertTrue(latency.p90() > 350_000 && latency.p90() < 650_000, "p90 near 500 ms, got " + latency.p90() + " µs");
            assertTrue(latency.p99() > 850_000 && latency.p99() < 1_100_000, "p99 near 950 ms, got " + latency.p99() + " µs");
            assertEquals(RunModel.OPEN, open.run().model());

            Summary closed = InjectorRuns.run(runs, target.url(),
                    new ProfileSpec(null, null, null, null, 4, "20s", "2s", null), List.of(), engine, 64).run().summary();
            assertEquals(RunModel.CLOSED, closed.run().model());
            assertNull(closed.injector().targetRate());
            assertTrue(closed.total().count() > 4_000, "a closed model runs as fast as the target answers");
            assertTrue(closed.total().latencyUs().p99() < 100_000,
                    "the closed model hides the freeze: p99 " + closed.total().latencyUs().p99() + " µs");
            assertTrue(closed.total().latencyUs().max() > 500_000, "though its slowest requests did wait out a freeze");
        }
    }
}
