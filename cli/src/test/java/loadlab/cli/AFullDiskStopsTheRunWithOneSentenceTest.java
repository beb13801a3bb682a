package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * A run whose disk fills up: a 24 KB tmpfs that this test mounts (it needs root; elsewhere it is
 * skipped, and the recording module's seam test still covers the failure path). The run stops at
 * the failed write with one sentence and exit code 2; every interval already written stays
 * readable; no temporary file is left behind.
 */
@EndToEnd
class AFullDiskStopsTheRunWithOneSentenceTest {
    @TempDir
    Path tmp;

    @Test
    void theRunStopsAtTheFailedWriteAndKeepsWhatWasWritten() throws Exception {
        Path disk = Files.createDirectory(tmp.resolve("small-disk"));
        assumeTrue(mount(disk), "needs root to mount a small tmpfs");
        try (LoopbackTarget target = new LoopbackTarget()) {
            Process loadlab = RunningLoad.command(target.url(), "500/s", "3m", disk, tmp.resolve("console.txt")).start();
            try {
                assertTrue(loadlab.waitFor(120, TimeUnit.SECONDS), "the run stopped when the disk filled up, long before its 3 minutes");
                String console = Files.readString(tmp.resolve("console.txt"));
                assertEquals(2, loadlab.exitValue(), console);
                assertTrue(console.contains("No space left on device") && console.contains("free some space or choose another --out"), console);
                assertFalse(console.contains("\tat "), "no stack trace: " + console);
                Path run;
                try (var dirs = Files.list(disk)) {
                    run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
                }
                try (var files = Files.list(run)) {
                    List<String> tmps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
                    assertEquals(List.of(), tmps, "no temporary file is left");
                }
                RunDirectory recorded = RunDirectory.open(run);
                assertEquals(RunState.INTERRUPTED, recorded.state());
                assertTrue(recorded.summary().total().count() > 0, "the intervals written before the disk filled up are kept");
            } finally {
                loadlab.descendants().forEach(ProcessHandle::destroyForcibly);
                loadlab.destroyForcibly();
                umount(disk);
            }
        }
    }

    private static boolean mount(Path dir) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24k", "tmpfs", dir.toString()).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void umount(Path dir) throws Exception {
        new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
