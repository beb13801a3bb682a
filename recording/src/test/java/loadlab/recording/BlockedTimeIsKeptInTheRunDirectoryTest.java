package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time requests waited for a free connection is written beside the start lag (tagged, so the
 * two never mix) and summed into the summary, where a team can see it after the run.
 */
class BlockedTimeIsKeptInTheRunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void blockedTimeReachesTheSummaryApartFromTheLag() {
        RunFixture.writeManifest(dir, 10, 100.0);
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            RunFixture.record(recorder, "GET", 1_000, 5_000, 300, null);
            for (int i = 0; i < 1_000; i++) recorder.recordLag(1_000_000_000L, 1_000_050_000L);
            for (int i = 0; i < 250; i++) recorder.recordBlocked(1_000_000_000L, (i + 1) * 10_000L);
        }
        Summary.Injector injector = RunDirectory.open(dir).summary().injector();
        assertEquals(250, injector.blockedCount());
        assertEquals(2_500, injector.blockedMaxUs(), 3);
        assertEquals(2_480, injector.blockedP99Us(), 3, "the 248th of 250 waits");
        assertEquals(50, injector.lagP99Us(), 1, "the lag is the lag alone");
        assertEquals(100.0, injector.achievedRate(), "arrivals are the lag's records, not the blocked ones");
    }
}
