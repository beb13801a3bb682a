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

/** No command exits 0 after its injector crashed: one that cannot start, or one killed in the middle of the run. */
@EndToEnd
class AnInjectorThatDiesIsNeverAPassTest {
    @TempDir
    Path runs;

    private ProcessBuilder loadlab(LoopbackTarget target, String duration) {
        return RunningLoad.command(target.url(), duration, runs, runs.resolve("console.txt"));
    }

    @Test
    void anInjectorThatCannotStartExitsThree() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            ProcessBuilder b = loadlab(target, "5s");
            b.environment().put("LOADLAB_INJECTOR_JAVA_OPTS", "-XX:+NoSuchJvmOption");
            Process p = b.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String console = Files.readString(runs.resolve("console.txt"));
            assertEquals(3, p.exitValue(), console);
            assertTrue(console.contains("the injector exited with 1 and wrote no run.json"), console);
        }
    }

    @Test
    void anInjectorKilledMidRunExitsNonZeroAndLeavesAnInterruptedRun() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            Process loadlab = loadlab(target, "5m").start();
            try {
                Path latency = RunningLoad.awaitIntervals(runs, 2);
                List<ProcessHandle> injectors = loadlab.descendants().toList();
                assertTrue(!injectors.isEmpty());
                injectors.forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook runs in the injector
                assertTrue(loadlab.waitFor(60, TimeUnit.SECONDS));
                String console = Files.readString(runs.resolve("console.txt"));
                assertEquals(3, loadlab.exitValue(), console);
                assertTrue(console.contains("run INTERRUPTED"), console);
                RunDirectory run = RunDirectory.open(latency.getParent());
                assertEquals(RunState.INTERRUPTED, run.state());
                assertTrue(run.summary().total().count() >= 100, "what was recorded is kept");
            } finally {
                loadlab.descendants().forEach(ProcessHandle::destroyForcibly);
                loadlab.destroyForcibly();
            }
        }
    }
}
