package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.FaultLog;
import loadlab.recording.Verification;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * Ctrl-C while a fault is active: the fault's stop action still runs (a fault must never outlive
 * the run that injected it), faults.json says it was ended early, and an interrupted run is not
 * verified (its exit already says it failed).
 */
@EndToEnd
class AnInterruptedRunClearsItsFaultsTest {
    @TempDir
    Path runs;

    @Test
    void ctrlCEndsTheActiveFault() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget().recording("/fault").answering("/verify",
                "{\"acknowledged\": 1, \"lost\": 0, \"converged\": true}")) {
            Path faults = Files.writeString(runs.resolve("faults.yaml"), "faults:\n"
                    + "  - { name: held, at: 0s, for: 4m, http: { start: { method: PUT, url: \"" + target.url() + "fault\" }, "
                    + "stop: { method: DELETE, url: \"" + target.url() + "fault\" } } }\n");
            Process loadlab = RunningLoad.command(target.url(), "50/s", "5m", runs, runs.resolve("console.txt"),
                    "--faults", faults.toString(), "--verify", target.url() + "verify").start();
            try {
                Path dir = RunningLoad.awaitIntervals(runs, 2).getParent();
                assertEquals(List.of("PUT /fault"), target.calls(), "the fault started with the measured timeline");
                List<String> kill = new ArrayList<>(List.of("kill", "-INT", Long.toString(loadlab.pid())));
                loadlab.descendants().forEach(p -> kill.add(Long.toString(p.pid())));
                assertEquals(0, new ProcessBuilder(kill).start().waitFor());
                assertTrue(loadlab.waitFor(60, TimeUnit.SECONDS), "loadlab stopped after Ctrl-C");
                assertEquals(List.of("PUT /fault", "DELETE /fault"), target.calls(), "the active fault was ended on the way out");
                FaultLog.Fault held = FaultLog.read(dir).faults().get(0);
                assertTrue(held.cleared(), "ended early, not on schedule: " + held);
                assertTrue(held.stop().ok(), "" + held.stop());
                assertFalse(Files.exists(dir.resolve(Verification.FILE)), "an interrupted run is not verified");
                assertTrue(loadlab.exitValue() != 0, "an interrupted run never exits 0");
            } finally {
                loadlab.descendants().forEach(ProcessHandle::destroyForcibly);
                loadlab.destroyForcibly();
            }
        }
    }
}
