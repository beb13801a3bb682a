package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory is opened once and validated: a hostile or damaged file is one sentence naming
 * it, never figures of zero and never a reader that loops over a span it was handed.
 */
class RunDirectoryRefusesWhatItCannotTrustTest {
    @TempDir
    Path dir;

    private void wholeRun() {
        RunFixture.writeManifest(dir, 10, 100.0);
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            RunFixture.record(recorder, "timeline", 600, 2_000, 1_500, null);
            log.writeInterval();
            RunFixture.record(recorder, "timeline", 400, 2_000, 1_500, null);
        }
        RunDirectory.open(dir).writeSummary();
    }

    private String refusal(String file) {
        DamagedRunException e = assertThrows(DamagedRunException.class, () -> RunDirectory.open(dir));
        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one sentence: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aWholeRunOpensAndIsComplete() {
        wholeRun();
        RunDirectory run = RunDirectory.open(dir);
        assertEquals(RunState.COMPLETE, run.state());
        assertEquals(1_000, run.summary().total().count());
    }

    @Test
    void hostileManifestsAreRefusedBeforeAnythingIsComputed() throws Exception {
        wholeRun();
        Path manifest = dir.resolve(RunManifest.FILE);
        String good = Files.readString(manifest);
        Files.writeString(manifest, "{}");
        assertTrue(refusal("run.json").contains("schema"));
        Files.writeString(manifest, "null");
        refusal("run.json");
        Files.writeString(manifest, "not json");
        refusal("run.json");
        Files.writeString(manifest, good.replaceFirst("\"measure_from_millis\" : \\d+", "\"measure_from_millis\" : 0"));
        assertTrue(refusal("run.json").contains("measure_from_millis"));
        Files.writeString(manifest, good.replaceFirst("\"measured_seconds\" : [\\d.]+", "\"measured_seconds\" : 1.0E300"));
        refusal("run.json");
        Files.writeString(manifest, good.replace("loadlab.run/2", "loadlab.run/1"));
        assertTrue(refusal("run.json").contains("older loadlab"));
        Files.writeString(manifest, good.replaceFirst("\"seconds\" : 10", "\"seconds\" : -5"));
        refusal("run.json");
    }

    @Test
    void anEmptyOrForeignLogIsDamagedNotZero() throws Exception {
        wholeRun();
        Path log = dir.resolve(RunDirectory.LATENCY);
        Files.writeString(log, "");
        assertTrue(refusal("latency.hlog").contains("empty"));
        Files.writeString(log, "hello\n");
        assertTrue(refusal("latency.hlog").contains("header"));
        Files.write(log, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        refusal("latency.hlog");
    }

    @Test
    void aLogCutShortInAFinishedRunIsDamaged() throws Exception {
        wholeRun();
        Path log = dir.resolve(RunDirectory.LATENCY);
        String whole = Files.readString(log);
        Files.writeString(log, whole.substring(0, whole.length() - 20));
        assertTrue(refusal("latency.hlog").contains("cut short"));
    }

    @Test
    void aLogCutAtALineBoundaryDisagreesWithTheSummary() throws Exception {
        wholeRun();
        Path log = dir.resolve(RunDirectory.LATENCY);
        String whole = Files.readString(log);
        String withoutLastInterval = whole.substring(0, whole.lastIndexOf('\n', whole.length() - 2) + 1);
        Files.writeString(log, withoutLastInterval);
        String sentence = refusal("summary.json");
        assertTrue(sentence.contains("1000") && sentence.contains("600"), sentence);
    }

    @Test
    void aHeaderOnlyLogIsAnEmptyRun() throws Exception {
        RunFixture.writeManifest(dir, 10, 100.0);
        try (IntervalLog log = RunFixture.log(new RunRecorder(0), dir)) {
            log.writeInterval();
        }
        RunDirectory run = RunDirectory.open(dir);
        assertEquals(RunState.EMPTY, run.state());
        assertTrue(run.stateReason().contains("nothing was counted"), run.stateReason());
    }

    @Test
    void anIntervalFarOutsideTheRunsWindowIsDamaged() {
        RunFiles.write(dir.resolve(RunManifest.FILE), RunFixture.manifest(10, 100.0, null, RunFixture.START_MILLIS - 400L * 24 * 3600 * 1000));
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            RunFixture.record(recorder, "timeline", 10, 2_000, 1_500, null);
        }
        assertTrue(refusal("latency.hlog").contains("outside the run's window"));
    }

    @Test
    void aMissingLogIsNamed() throws Exception {
        wholeRun();
        Files.delete(dir.resolve(RunDirectory.SERVICE));
        assertTrue(refusal("service.hlog").contains("missing"));
    }
}
