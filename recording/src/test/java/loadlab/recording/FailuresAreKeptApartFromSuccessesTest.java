package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target killed mid-run refuses connections at once; those instant failures must not make the
 * response times look faster. Headline percentiles are of successes; failures keep their own.
 */
class FailuresAreKeptApartFromSuccessesTest {
    @TempDir
    Path dir;

    @Test
    void instantRefusalsDoNotPullTheMedianDown() {
        RunFixture.writeManifest(dir, 10, 100.0);
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            RunFixture.record(recorder, "timeline", 400, 3_000, 2_500, null);
            RunFixture.record(recorder, "timeline", 600, 50, 50, ErrorCause.CONNECTION);
        }
        Summary s = RunDirectory.open(dir).summary();
        assertEquals(3_000, s.total().latencyUs().p50(), 3, "p50 is the successes' 3 ms, not the refusals' 50 µs");
        assertEquals(2_500, s.total().serviceTimeUs().p50(), 3);
        assertEquals(50, s.total().failedLatencyUs().p50(), 1);
        assertEquals(1_000, s.total().count());
        assertEquals(400, s.total().ok());
        assertEquals(600, s.total().errors().byCause().get("connection"));
        assertEquals(0.6, s.total().errorRate(), 1e-9);
        assertEquals(100.0, s.injector().achievedRate(), "the generator produced its load, failures included");
    }
}
