package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * SIGKILL of {@code loadlab run} (no shutdown hook runs in it): its injector must not go on
 * generating load. It notices that its parent is gone, stops, and leaves a valid interrupted run.
 */
@EndToEnd
class TheInjectorNeverOutlivesItsParentTest {
    @TempDir
    Path runs;

    @Test
    void killingTheParentStopsTheInjectorAndLeavesAnInterruptedRun() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            Process loadlab = RunningLoad.command(target.url(), "5m", runs, runs.resolve("console.txt")).start();
            List<ProcessHandle> injectors = List.of();
            try {
                Path latency = RunningLoad.awaitIntervals(runs, 2);
                injectors = loadlab.descendants().toList();
                assertTrue(!injectors.isEmpty(), "the injector runs");
                loadlab.destroyForcibly(); // SIGKILL
                assertTrue(loadlab.waitFor(30, TimeUnit.SECONDS));
                for (ProcessHandle injector : injectors) {
                    // a bound, not a timing assertion: five minutes of load would otherwise follow
                    injector.onExit().get(60, TimeUnit.SECONDS);
                    assertTrue(!injector.isAlive(), "the injector stopped with its parent");
                }
                RunDirectory run = RunDirectory.open(latency.getParent());
                assertEquals(RunState.INTERRUPTED, run.state());
                assertTrue(run.stateReason().contains("started this injector exited"), run.stateReason());
                assertTrue(run.summary().total().count() >= 100, "what was recorded is kept: " + run.summary().total().count());
            } finally {
                injectors.forEach(ProcessHandle::destroyForcibly);
                loadlab.destroyForcibly();
            }
        }
    }
}
