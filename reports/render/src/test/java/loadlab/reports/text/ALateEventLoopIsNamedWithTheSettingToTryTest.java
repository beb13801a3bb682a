package loadlab.reports.text;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.testkit.FixtureRun;

/**
 * When start lag, not the target, makes up a large part of the response times, the console names
 * the setting to try for the engine that ran; when the target's own time dominates it says nothing.
 */
class ALateEventLoopIsNamedWithTheSettingToTryTest {
    @TempDir
    Path tmp;

    private Summary run(String dir, long responseUs) {
        // at 300 requests a second the fixture's start lag runs from 50 to 249 µs: p99 about 250 µs
        return RunDirectory.open(FixtureRun.of("get", 300).seconds(5).target(300.0).latency((s, n, i) -> responseUs).writeTo(tmp.resolve(dir)))
                .summary();
    }

    @Test
    void lagThatDominatesTheResponseTimeNamesTheSetting() {
        Summary fast = run("fast", 400);
        String hint = SummaryTable.lagHint(fast, "loadlab-requests 1 (epoll)");
        assertTrue(hint != null && hint.startsWith("hint: start lag p99 ") && hint.contains("try --idle spin"), hint);
        assertNull(SummaryTable.lagHint(fast, "loadlab-requests 1 (epoll, idle spin)"), "already the setting");
        assertTrue(SummaryTable.lagHint(fast, "gatling 3.15.1").contains("--engine requests"));
        assertNull(SummaryTable.lagHint(fast, null));
    }

    @Test
    void aSlowTargetIsNotBlamedOnTheEventLoop() {
        assertNull(SummaryTable.lagHint(run("slow", 50_000), "loadlab-requests 1 (epoll)"));
    }
}
