package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * Ctrl-C in the middle of a run: the terminal sends SIGINT to loadlab and its injector. Whatever
 * was recorded is kept: the logs read back, the manifest says when it ended, the summary exists and
 * says the run was interrupted. On both engines.
 */
@EndToEnd
class InterruptedRunLeavesAValidRunDirectoryTest {
    @TempDir
    Path runs;

    @ParameterizedTest
    @ValueSource(strings = {"requests", "gatling"})
    void ctrlCLeavesEverythingRecordedSoFar(String engine) throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            Process loadlab = RunningLoad.command(target.url(), "100/s", "5m", runs, runs.resolve("console.txt"), "--engine", engine).start();
            try {
                Path latency = RunningLoad.awaitIntervals(runs, 2);
                List<Long> pids = new ArrayList<>();
                pids.add(loadlab.pid());
                loadlab.descendants().forEach(p -> pids.add(p.pid()));
                assertTrue(pids.size() >= 2, "loadlab and its injector are running");
                List<String> kill = new ArrayList<>(List.of("kill", "-INT"));
                pids.forEach(p -> kill.add(Long.toString(p)));
                assertEquals(0, new ProcessBuilder(kill).start().waitFor());
                assertTrue(loadlab.waitFor(60, TimeUnit.SECONDS), "loadlab stopped after Ctrl-C");
                assertEquals(130, loadlab.exitValue(), "Ctrl-C exits 130 (128 + SIGINT), as the README and --help say");

                Path dir = latency.getParent();
                Summary summary = RunFiles.read(dir.resolve(Summary.FILE), Summary.class);
                assertTrue(summary.run().interrupted());
                assertTrue(summary.total().count() >= 100, "at least the two recorded seconds: " + summary.total().count());
                RunManifest manifest = RunFiles.read(dir.resolve(RunManifest.FILE), RunManifest.class);
                assertTrue(manifest.ended() != null && manifest.interrupted());
                String report = Files.readString(dir.resolve("report.html"));
                assertTrue(report.contains("<strong>Interrupted.</strong>"), "the report is built after Ctrl-C and says so");
                for (String log : List.of("latency.hlog", "service.hlog", "lag.hlog")) {
                    HistogramLogReader reader = new HistogramLogReader(dir.resolve(log).toFile());
                    long count = 0;
                    for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) count++;
                    assertTrue(count > 0, log + " reads back");
                }
            } finally {
                loadlab.descendants().forEach(ProcessHandle::destroyForcibly);
                loadlab.destroyForcibly();
            }
        }
    }
}
