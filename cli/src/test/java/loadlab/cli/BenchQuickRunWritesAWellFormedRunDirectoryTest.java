package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;
import loadlab.testkit.EndToEnd;

/** {@code loadlab bench --quick} of one benchmark: JMH's own jmh.json and loadlab's summary, never a timing assert. */
@EndToEnd
class BenchQuickRunWritesAWellFormedRunDirectoryTest {
    @TempDir
    Path runs;

    @Test
    void aQuickRunOfOneBenchmarkWritesJmhJsonAndTheBenchSummary() throws Exception {
        CliRun run = CliRun.execute("bench", "--quick", "--include", "RunRecorderBenchmark.recordOneResponse$", "--out", runs.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        Path dir = runs.resolve("latest");
        JsonNode jmh = RunFiles.JSON.readTree(dir.resolve("jmh.json").toFile());
        assertTrue(jmh.isArray());
        assertEquals(1, jmh.size());
        assertEquals("loadlab.benchmarks.recording.RunRecorderBenchmark.recordOneResponse", jmh.get(0).path("benchmark").asText());
        assertEquals(2, jmh.get(0).path("primaryMetric").path("rawData").get(0).size(), "JMH's raw iteration data, unmodified");

        JsonNode summary = RunFiles.JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals("loadlab.bench/1", summary.path("schema").asText());
        assertEquals("quick", summary.path("settings").path("setting").asText());
        JsonNode result = summary.path("benchmarks").get(0);
        assertEquals("avgt", result.path("mode").asText());
        assertEquals("ns/op", result.path("unit").asText());
        assertTrue(result.path("score").asDouble() > 0);
        assertEquals(2, result.path("iterations").get(0).size());
        assertTrue(Files.exists(dir.resolve("run.json")));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("recordOneResponse"), "the bench run's report");
        assertTrue(run.out().contains("report: "), run.out());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith(".jmh-")), "no partial results left");
        assertTrue(run.out().contains("saved to " + dir.toRealPath().resolve("jmh.json")) && !run.out().contains(".jmh-"),
                "JMH's 'saved to' line names the file that exists: " + run.out());
    }

    @Test
    void anIncludeThatMatchesNothingIsOneSentence() {
        CliRun.execute("bench", "--include", "NoSuchBenchmark", "--out", runs.toString()).assertRefusedWithOneSentence("no benchmark matches");
        CliRun.execute("bench", "--include", "(", "--out", runs.toString()).assertRefusedWithOneSentence("is not a regular expression");
    }
}
