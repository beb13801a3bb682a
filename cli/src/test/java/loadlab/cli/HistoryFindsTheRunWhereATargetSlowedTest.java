package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;
import loadlab.testkit.FixtureRun;

/**
 * {@code loadlab history}: thirty run directories added one commit each, the target 30% slower
 * from the twentieth on, give one change point per time metric, at run 20, named by its commit;
 * detect exits 1 for that regression and 0 on a history without one; adding a run twice is one
 * sentence and exit code 2.
 */
class HistoryFindsTheRunWhereATargetSlowedTest {
    private static final Instant FIRST_COMMIT = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    /** Run {@code k}: 20 s at 100/s; each run's level drawn around 1 ms (3% run-to-run), 30% higher from run {@code slowFrom}. */
    private Path run(int k, int slowFrom) {
        double level = 1_000 * (1 + 0.03 * new Random(k).nextGaussian()) * (k >= slowFrom ? 1.3 : 1.0);
        return FixtureRun.of("GET", 100).latency((s, n, i) -> Math.round(level + (i * 37L) % 200)).writeTo(dir.resolve(String.format("run-%02d", k)));
    }

    private String add(Path db, int k, int slowFrom) {
        CliRun added = CliRun.execute("history", "add", run(k, slowFrom).toString(), "--db", db.toString(), "--commit", "c" + k,
                "--branch", "main", "--commit-time", FIRST_COMMIT.plusSeconds(3600L * k).toString(), "--testbed", "ci");
        assertEquals(0, added.exit(), added.err() + added.out());
        return added.out();
    }

    @Test
    void thirtyRunsSlowedAtTwentyShowOneChangePointAtTwenty() throws Exception {
        Path db = dir.resolve("history.db");
        for (int k = 0; k < 30; k++) assertTrue(add(db, k, 20).startsWith("added run-" + String.format("%02d", k) + " (load, complete): "));

        CliRun detect = CliRun.execute("history", "detect", "--db", db.toString(), "--series", "load:*", "--metric", "p50", "--json");
        assertEquals(1, detect.exit(), "the newest change point is a regression: " + detect.err() + detect.out());
        JsonNode doc = RunFiles.JSON.readTree(detect.out());
        assertEquals(2, doc.get("series").asInt(), "all requests and GET");
        for (JsonNode c : doc.get("change_points")) {
            assertEquals(20, c.get("index").asInt(), c.toString());
            assertEquals("c20", c.get("commit").asText());
            assertTrue(c.get("regression").asBoolean());
            assertEquals(0.3, c.get("forward_change").asDouble(), 0.05);
        }
        assertEquals(2, doc.get("change_points").size(), "one change point per series, none elsewhere: " + doc);

        CliRun csv = CliRun.execute("history", "export", "--db", db.toString(), "--format", "otava-csv", "--series", "load:*", "--metric", "p50");
        assertEquals(0, csv.exit(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals("time,commit,ci load:http-get/* p50,ci load:http-get/GET p50", rows.get(0));
        assertEquals(31, rows.size(), "a header and a row per run");
        assertTrue(rows.get(21).startsWith("2026-11-01T20:00:00Z,c20,"), rows.get(21));

        Path page = dir.resolve("history.html");
        CliRun report = CliRun.execute("history", "report", "--db", db.toString(), "--metric", "p50", "--out", page.toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"history-0\"") && html.contains("id=\"history-1\"") && !html.contains("id=\"history-2\""), "a chart per series");
        assertTrue(html.contains("<td class=\"code\">c20</td>"), "the change point's commit in its table");
        assertTrue(html.contains("default-src 'none'"), "the run report's Content-Security-Policy");

        CliRun text = CliRun.execute("history", "detect", "--db", db.toString(), "--metric", "throughput");
        assertEquals(0, text.exit(), "the rate never changed: " + text.out());
        assertTrue(text.out().contains("2 series, 0 change points"), text.out());
    }

    @Test
    void theSameRunTwiceIsRefused() {
        Path db = dir.resolve("history.db");
        add(db, 0, 99);
        CliRun again = CliRun.execute("history", "add", dir.resolve("run-00").toString(), "--db", db.toString(), "--commit", "c0",
                "--commit-time", FIRST_COMMIT.toString());
        again.assertRefusedWithOneSentence("run run-00 is already in the history");
        CliRun show = CliRun.execute("history", "show", "--db", db.toString(), "--metric", "p99");
        assertEquals(0, show.exit());
        assertEquals(List.of(2L), List.of(show.out().lines().filter(l -> l.startsWith("ci ")).count()), show.out());
    }

    @Test
    void aDamagedRunIsRefusedBeforeAnythingIsAdded() throws Exception {
        Path db = dir.resolve("history.db");
        Path good = run(1, 99);
        Path broken = run(2, 99);
        Files.writeString(broken.resolve("latency.hlog"), "not a log");
        CliRun added = CliRun.execute("history", "add", good.toString(), broken.toString(), "--db", db.toString(), "--commit-time", FIRST_COMMIT.toString());
        assertEquals(2, added.exit(), added.err());
        assertTrue(added.err().contains("latency.hlog"), added.err());
        CliRun show = CliRun.execute("history", "show", "--db", db.toString());
        assertTrue(show.out().startsWith("no points"), "nothing was added: " + show.out());
    }
}
