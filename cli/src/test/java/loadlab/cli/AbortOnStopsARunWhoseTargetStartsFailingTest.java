package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * {@code run --abort-on} (k6's abortOnFail): a target that starts failing a few seconds in breaks
 * the spec's error-rate check over the sliding window, and the run stops there, interrupted, naming
 * the check, exit 1, with everything recorded up to then kept; what a window cannot judge is refused
 * before any load.
 */
@EndToEnd
class AbortOnStopsARunWhoseTargetStartsFailingTest {
    @TempDir
    Path tmp;

    @Test
    void aTargetThatStartsFailingStopsTheRunAtTheBrokenCheck() throws Exception {
        Path spec = Files.writeString(tmp.resolve("abort.yaml"), """
                absolute:
                  - {metric: p99, below: 2s}
                  - {metric: error-rate, below: 5%}
                """);
        Path runs = tmp.resolve("runs");
        try (LoopbackTarget target = new LoopbackTarget().failingAfter(150)) {
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "50/s", "--duration", "40s", "--warmup", "1s",
                    "--out", runs.toString(), "--abort-on", spec.toString(), "--abort-window", "3s");
            assertEquals(1, run.exit(), run.out() + run.err());
            Summary s = RunDirectory.open(runs.resolve("latest")).summary();
            assertEquals(RunState.INTERRUPTED, s.run().state());
            assertTrue(s.run().stateReason().contains("stopped by --abort-on: error-rate below 5% broke over the last 3 s"), s.run().stateReason());
            assertTrue(s.run().measuredSeconds() < 40, "stopped early: " + s.run().measuredSeconds());
            assertTrue(s.total().errors().byCause().getOrDefault("http_5xx", 0L) > 0, "the failures that stopped it are kept");
            assertTrue(s.total().ok() >= 90, "and the successes before them: " + s.total().ok());
        }
    }

    @Test
    void whatAWindowCannotJudgeIsRefusedBeforeAnyLoad() throws Exception {
        Path relative = Files.writeString(tmp.resolve("relative.yaml"), "relative:\n  - {metric: p99, worse-by-at-most: 10%}\n");
        CliRun.execute("run", "--target", "http://127.0.0.1:9/", "--rate", "5/s", "--duration", "2s", "--out", tmp.resolve("r").toString(),
                "--abort-on", relative.toString()).assertRefusedWithOneSentence("is relative; --abort-on judges absolute checks only");
        Path lost = Files.writeString(tmp.resolve("lost.yaml"), "absolute:\n  - {metric: lost-writes, at-most: 0}\n");
        CliRun.execute("run", "--target", "http://127.0.0.1:9/", "--rate", "5/s", "--duration", "2s", "--out", tmp.resolve("r").toString(),
                "--abort-on", lost.toString()).assertRefusedWithOneSentence("measures lost-writes, which a window of the run cannot judge");
        CliRun.execute("run", "--target", "http://127.0.0.1:9/", "--rate", "5/s", "--duration", "2s", "--out", tmp.resolve("r").toString(),
                "--abort-on", lost.toString(), "--abort-window", "1.5s").assertRefusedWithOneSentence("--abort-window must be whole seconds");
        assertTrue(!Files.exists(tmp.resolve("r")) || Files.list(tmp.resolve("r")).findAny().isEmpty(), "no run directory was made");
    }
}
