package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made real with Linux's {@code /dev/full} (every write fails with ENOSPC): the
 * failure is noticed at the interval it happens in, reported once in one sentence, and leaves no
 * temporary file behind.
 */
class AFullDiskStopsTheLogAndKeepsWhatWasWrittenTest {
    @TempDir
    Path dir;

    @Test
    void aLogThatCannotBeWrittenIsReportedOnceNamingTheFile() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs Linux's /dev/full");
        Files.createSymbolicLink(dir.resolve(RunDirectory.SERVICE), Path.of("/dev/full"));
        List<String> failures = new ArrayList<>();
        RunRecorder recorder = new RunRecorder(0);
        UncheckedIOException atOpen = assertThrows(UncheckedIOException.class,
                () -> new IntervalLog(recorder, dir, RunFixture.START_MILLIS, null, failures::add));
        assertTrue(atOpen.getMessage().contains("service.hlog") && atOpen.getMessage().contains("No space left"), atOpen.getMessage());
    }

    @Test
    void aManifestThatCannotBeWrittenLeavesNoTemporaryFile() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs Linux's /dev/full");
        Files.createSymbolicLink(dir.resolve(RunManifest.FILE + ".tmp"), Path.of("/dev/full"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> RunFiles.write(dir.resolve(RunManifest.FILE), RunFixture.manifest(10, 100.0)));
        assertTrue(e.getMessage().startsWith("cannot write " + dir.resolve(RunManifest.FILE)), e.getMessage());
        assertFalse(Files.exists(dir.resolve(RunManifest.FILE + ".tmp"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dir.resolve(RunManifest.FILE)));
    }

    @Test
    void aWriteThatFailsMidRunStopsTheLogAndTheIntervalsBeforeItStayWhole() throws Exception {
        RunFixture.writeManifest(dir, 10, 100.0);
        List<String> failures = new ArrayList<>();
        RunRecorder recorder = new RunRecorder(0);
        long[] room = {Long.MAX_VALUE};
        IntervalLog log = new IntervalLog(recorder, dir, RunFixture.START_MILLIS, null, failures::add, file -> new FilterOutputStream(
                new FileOutputStream(file.toFile())) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (file.endsWith(RunDirectory.LATENCY) && (room[0] -= len) < 0) {
                    out.write(b, off, Math.max(0, len + (int) room[0]) / 2);
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        });
        RunFixture.record(recorder, "timeline", 100, 2_000, 1_500, null);
        log.writeInterval();
        room[0] = 40; // the disk fills up in the middle of the next interval
        RunFixture.record(recorder, "timeline", 50, 2_000, 1_500, null);
        log.writeInterval();
        RunFixture.record(recorder, "timeline", 50, 2_000, 1_500, null);
        log.writeInterval();
        log.close();

        assertEquals(1, failures.size(), "reported once: " + failures);
        assertTrue(failures.get(0).contains("latency.hlog") && failures.get(0).contains("No space left on device"), failures.get(0));
        assertTrue(log.failed());
        RunFiles.write(dir.resolve(RunManifest.FILE), RunFixture.manifest(10, 100.0).ended(null, 2, true, failures.get(0)));
        RunDirectory run = RunDirectory.open(dir);
        assertEquals(RunState.INTERRUPTED, run.state());
        assertEquals(100, run.summary().total().count(), "the whole interval before the failure is kept, the cut one left out");
        assertTrue(run.stateReason().contains("No space left on device"), run.stateReason());
    }
}
