package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.IntervalLog;
import loadlab.recording.RunDirectory;
import loadlab.testkit.BenchFixture;
import loadlab.testkit.FixtureRun;

class ReportAndCompareCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void reportRebuildsTheRunsPageAndPrintsWhereItIs() {
        Path run = FixtureRun.of("get", 50).seconds(5).writeTo(tmp.resolve("run"));
        CliRun r = CliRun.execute("report", run.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("report: " + run.resolve("report.html")), r.out());
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
    }

    @Test
    void compareWritesOnePageWhereAsked() throws Exception {
        Path a = FixtureRun.of("get", 50).seconds(5).writeTo(tmp.resolve("a"));
        Path b = FixtureRun.of("get", 60).seconds(5).writeTo(tmp.resolve("b"));
        Path out = tmp.resolve("pages").resolve("a-vs-b.html");
        CliRun r = CliRun.execute("compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("comparison: " + out), r.out());
        assertTrue(Files.readString(out).contains("Changes from A to B"));
    }

    @Test
    void compareWritesIntoTheSecondRunByDefault() {
        Path a = FixtureRun.of("get", 50).seconds(5).writeTo(tmp.resolve("a"));
        Path b = FixtureRun.of("get", 60).seconds(5).writeTo(tmp.resolve("b"));
        assertEquals(0, CliRun.execute("compare", a.toString(), b.toString()).exit());
        assertTrue(Files.isRegularFile(b.resolve("compare.html")));
    }

    @Test
    void aMissingRunDirectoryIsOneSentence() {
        CliRun.execute("report", tmp.resolve("nowhere").toString()).assertRefusedWithOneSentence("is not a directory");
    }

    @Test
    void aDamagedLogIsOneSentence() throws Exception {
        Path run = FixtureRun.of("get", 50).seconds(5).writeTo(tmp.resolve("damaged"));
        Files.writeString(run.resolve(RunDirectory.SERVICE), "#[StartTime: 1790000000.000 (seconds since epoch)]\nTag=get,0.000,1.000,0.001,HISTFAAAjunk\n");
        CliRun.execute("report", run.toString()).assertRefusedWithOneSentence("service.hlog is not a readable HdrHistogram interval log");
    }

    @Test
    void aLoadRunAndABenchRunCannotBeCompared() throws Exception {
        Path load = FixtureRun.of("get", 50).seconds(5).writeTo(tmp.resolve("load"));
        Path bench = BenchFixture.writeTo(tmp.resolve("bench"), 1.0);
        CliRun.execute("compare", load.toString(), bench.toString()).assertRefusedWithOneSentence("compare two load runs or two bench runs");
    }

    @Test
    void compareNeedsTwoRuns() {
        CliRun.execute("compare", tmp.toString()).assertRefusedWithOneSentence("Missing required parameter");
    }
}
