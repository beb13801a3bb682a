package loadlab.reports.html;

import loadlab.recording.RunDirectory;

import loadlab.recording.Summary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.IntervalLog;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.testkit.FixtureRun;
import loadlab.testkit.BenchFixture;

class BrokenRunDirectoriesGetOneSentenceTest {
    @TempDir
    Path tmp;

    private static void oneSentenceNaming(Path dir, String mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReport.write(dir));
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(Files.exists(dir.resolve(RunReport.FILE)), "no half-built report is left behind");
    }

    @Test
    void aPathThatIsNoDirectory() {
        oneSentenceNaming(tmp.resolve("absent"), "is not a directory");
    }

    @Test
    void aDirectoryWithoutRunFiles() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        oneSentenceNaming(empty, "run.json is missing");
    }

    @Test
    void aSummaryThatIsNotJson() throws Exception {
        Path dir = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("bad-summary"));
        Files.writeString(dir.resolve(Summary.FILE), "{\"schema\": \"loadlab.summary/1\", \"total\": ");
        oneSentenceNaming(dir, "summary.json is not valid");
    }

    @Test
    void aSummaryOfAnotherSchema() throws Exception {
        Path dir = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("other-schema"));
        Files.writeString(dir.resolve(Summary.FILE), "{\"schema\": \"someone.else/9\"}");
        oneSentenceNaming(dir, "has schema 'someone.else/9'");
    }

    @Test
    void aSummaryWithoutItsFigures() throws Exception {
        Path dir = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("hollow"));
        Files.writeString(dir.resolve(Summary.FILE), "{\"schema\": \"loadlab.summary/2\"}");
        oneSentenceNaming(dir, "summary.json counts no requests");
    }

    @Test
    void aManifestThatIsNotJson() throws Exception {
        Path dir = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("bad-manifest"));
        Files.writeString(dir.resolve(RunManifest.FILE), "not json");
        oneSentenceNaming(dir, "run.json is not a valid run manifest");
    }

    @Test
    void aDamagedIntervalLog() throws Exception {
        Path dir = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("bad-log"));
        String log = Files.readString(dir.resolve(RunDirectory.LATENCY));
        Files.writeString(dir.resolve(RunDirectory.LATENCY), log.replace("HISTF", "HISTX"));
        oneSentenceNaming(dir, "latency.hlog is not a readable HdrHistogram interval log");
    }

    @Test
    void aMissingIntervalLog() throws Exception {
        Path dir = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("no-log"));
        Files.delete(dir.resolve(RunDirectory.LATENCY));
        oneSentenceNaming(dir, "latency.hlog is not a readable HdrHistogram interval log (missing)");
    }

    @Test
    void aBenchRunWithNeitherSummaryNorJmhResults() throws Exception {
        Path dir = BenchFixture.writeTo(tmp.resolve("bench"), 1.0);
        Files.delete(dir.resolve(Summary.FILE));
        oneSentenceNaming(dir, "jmh.json is missing");
    }
}
