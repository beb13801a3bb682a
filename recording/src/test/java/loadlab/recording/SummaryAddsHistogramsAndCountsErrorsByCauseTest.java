package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryAddsHistogramsAndCountsErrorsByCauseTest {
    @TempDir
    Path dir;

    private Summary run(double seconds, Double target, Consumer<RunRecorder> feed) {
        RunFixture.writeManifest(dir, seconds, target);
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            feed.accept(recorder);
        }
        return RunDirectory.open(dir).summary();
    }

    @Test
    void percentilesComeFromTheAddedHistogramNotFromAveragedPercentiles() {
        Summary s = run(10, 100.0, r -> {
            RunFixture.record(r, "a", 900, 1_000, 1_000, null);   // a fast request name
            RunFixture.record(r, "b", 100, 100_000, 90_000, null); // a slow one
        });
        assertEquals(1_000, s.total().count());
        assertEquals(100_000, s.total().latencyUs().p99(), 100_000 * 0.001);
        assertEquals(1_000, s.requests().get("a").latencyUs().p99(), 1);
        double averagedP99 = (s.requests().get("a").latencyUs().p99() + s.requests().get("b").latencyUs().p99()) / 2.0;
        assertNotEquals(averagedP99, (double) s.total().latencyUs().p99(), 1_000);
        assertEquals(90_000, s.total().serviceTimeUs().max(), 90);
        assertEquals(100.0, s.total().throughput());
    }

    @Test
    void errorsAreCountedByCausePerRequestAndInTotal() {
        Summary s = run(10, 100.0, r -> {
            RunFixture.record(r, "post", 90, 1_000, 1_000, null);
            RunFixture.record(r, "post", 6, 1_000, 1_000, ErrorCause.HTTP_5XX);
            RunFixture.record(r, "post", 4, 30_000_000, 30_000_000, ErrorCause.TIMEOUT);
            RunFixture.record(r, "get", 10, 1_000, 1_000, ErrorCause.HTTP_4XX);
        });
        assertEquals(100, s.requests().get("post").count());
        assertEquals(Map.of("http_5xx", 6L, "timeout", 4L), s.requests().get("post").errors().byCause());
        assertEquals(20, s.total().errors().total());
        assertEquals(Map.of("http_4xx", 10L, "http_5xx", 6L, "timeout", 4L), s.total().errors().byCause());
        assertEquals(30_000_000, s.requests().get("post").failedLatencyUs().max(), 30_000, "a timeout is recorded at its value, with the failures");
        assertEquals(1_000, s.requests().get("post").latencyUs().max(), 1, "the successes' own distribution");
        assertEquals(90, s.requests().get("post").ok());
        assertEquals(0.1, s.requests().get("post").errorRate(), 1e-9);
    }

    @Test
    void aGeneratorThatFellShortOfItsTargetMakesTheRunInvalid() {
        Summary fine = run(10, 100.0, r -> RunFixture.record(r, "a", 990, 1_000, 1_000, null));
        assertEquals(InjectorVerdict.OK, fine.injector().verdict());
        assertEquals(RunState.COMPLETE, fine.run().state());
        assertNull(fine.injector().reason());
        Summary shortfall = run(10, 100.0, r -> RunFixture.record(r, "a", 500, 1_000, 1_000, null));
        assertEquals(InjectorVerdict.INVALID, shortfall.injector().verdict());
        assertEquals(RunState.INVALID, shortfall.run().state());
        assertTrue(shortfall.run().stateReason().contains("--segment"), "the reason says what to do: " + shortfall.run().stateReason());
        assertEquals(50.0, shortfall.injector().achievedRate());
        Summary late = run(10, 100.0, r -> {
            RunFixture.record(r, "a", 1_000, 1_000, 1_000, null);
            for (int i = 0; i < 1_000; i++) r.recordLag(0, 50_000_000L);
        });
        assertEquals(InjectorVerdict.INVALID, late.injector().verdict());
        assertTrue(late.injector().reason().contains("lag p99 50.0 ms"), "human units: " + late.injector().reason());
    }

    @Test
    void theAchievedRateCountsArrivalsNotTheRequestsOfAJourney() {
        // a journey of two requests per user: 1,000 requests, but only 500 of the 1,000 users started
        Summary half = run(10, 100.0, r -> {
            RunFixture.record(r, "a", 500, 1_000, 1_000, null);
            RunFixture.record(r, "b", 500, 1_000, 1_000, null);
            for (int i = 0; i < 500; i++) r.recordLag(0, 1_000);
        });
        assertEquals(100.0, half.total().throughput(), "requests per second look complete");
        assertEquals(50.0, half.injector().achievedRate(), "but half the users never started");
        assertEquals(InjectorVerdict.INVALID, half.injector().verdict());
    }

    @Test
    void warmUpRequestsAreRunButNotCounted() {
        Summary s = run(10, null, r -> {
            r.countFrom(2_000_000_000L);
            RunFixture.record(r, "a", 50, 1_000, 1_000, null); // intended at 1e9 ns: in the warm-up
            r.record("a", 3_000_000_000L, 3_000_000_000L, 3_001_000_000L, null);
            r.recordLag(1_000_000_000L, 1_500_000_000L);
        });
        assertEquals(1, s.total().count());
        assertEquals(0, s.injector().lagP99Us());
    }
}
