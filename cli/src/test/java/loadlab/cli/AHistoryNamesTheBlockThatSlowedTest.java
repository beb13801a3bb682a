package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;
import loadlab.testkit.FixtureRun;

/**
 * Each {@code Server-Timing} entry is a history series of its own: thirty runs whose store calls
 * are 30% slower from the twentieth on, while the cache calls stay as they were, give one change
 * point, in {@code load:http-get/GET/store}, at run 20 and named by its commit.
 */
class AHistoryNamesTheBlockThatSlowedTest {
    private static final Instant FIRST_COMMIT = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path run(int k) {
        Random r = new Random(k);
        long store = Math.round(800 * (1 + 0.03 * r.nextGaussian()) * (k >= 20 ? 1.3 : 1.0));
        long cache = Math.round(60 * (1 + 0.03 * r.nextGaussian()));
        return FixtureRun.of("GET", 100).serverTiming("GET", "store", store, 5 * store).serverTiming("GET", "cache", cache, 5 * cache)
                .writeTo(dir.resolve(String.format("run-%02d", k)));
    }

    @Test
    void theStoreSeriesChangesAtTwentyAndTheCacheSeriesNever() throws Exception {
        Path db = dir.resolve("history.db");
        for (int k = 0; k < 30; k++) {
            CliRun added = CliRun.execute("history", "add", run(k).toString(), "--db", db.toString(), "--commit", "c" + k, "--branch", "main",
                    "--commit-time", FIRST_COMMIT.plusSeconds(3600L * k).toString(), "--testbed", "ci");
            assertEquals(0, added.exit(), added.err() + added.out());
        }
        CliRun detect = CliRun.execute("history", "detect", "--db", db.toString(), "--series", "load:*", "--metric", "server-timing-p50", "--json");
        assertEquals(1, detect.exit(), "the store's slowdown is a regression: " + detect.err() + detect.out());
        JsonNode doc = RunFiles.JSON.readTree(detect.out());
        assertEquals(2, doc.get("series").asInt(), "one series per entry: " + doc);
        assertEquals(1, doc.get("change_points").size(), "the store changed, the cache did not: " + doc);
        JsonNode c = doc.get("change_points").get(0);
        assertEquals("load:http-get/GET/store", c.get("series").asText());
        assertEquals(20, c.get("index").asInt());
        assertEquals("c20", c.get("commit").asText());
        assertEquals(0.3, c.get("forward_change").asDouble(), 0.06);

        CliRun requests = CliRun.execute("history", "detect", "--db", db.toString(), "--series", "load:*", "--metric", "p50");
        assertEquals(0, requests.exit(), "the requests' own times (the fixture's) never changed: " + requests.out());
        assertTrue(requests.out().contains("2 series, 0 change points"), requests.out());
    }
}
