package loadlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunState;
import loadlab.testkit.LocalService;

/**
 * A history keeps what it is given, in both stores it supports: points come back per series in
 * commit-time order whatever order runs were added in, with their intervals and run states; the
 * same run added twice is refused in one sentence and leaves the history as it was.
 */
class AHistoryKeepsEachRunOnceTest {
    @TempDir
    Path dir;

    private static RunPoints run(String id, double p99, RunState state, Instant commitTime, Provenance where) {
        return new RunPoints(id, "load", state, List.of(
                new HistoryPoint(where.testbed(), "load:http-get/*", "p99", p99, null, null, where.commit(), where.branch(), commitTime, id, state, true),
                new HistoryPoint(where.testbed(), "bench:X.y", "score", 10 * p99, 10 * p99 - 1, 10 * p99 + 1, where.commit(), where.branch(),
                        commitTime, id, state, false)), null);
    }

    private static void keepsEachRunOnce(HistoryStore store) {
        Instant t1 = Instant.parse("2026-12-01T10:00:00Z"), t2 = Instant.parse("2026-12-02T10:00:00Z");
        Provenance second = new Provenance("bbbb", "main", t2, "ci");
        Provenance first = new Provenance("aaaa", "main", t1, "ci");
        store.add(run("20261202T100000Z-b", 200, RunState.COMPLETE, t2, second), second);
        store.add(run("20261201T100000Z-a", 100, RunState.INTERRUPTED, t1, first), first);

        List<HistoryPoint> p99 = store.points("load:*", "p99");
        assertEquals(List.of(100.0, 200.0), p99.stream().map(HistoryPoint::value).toList(), "ordered by commit time, not by when added");
        assertEquals("aaaa", p99.get(0).commit());
        assertFalse(p99.get(0).counts(), "an interrupted run is kept but not counted");
        assertTrue(p99.get(1).counts());
        assertTrue(p99.get(1).higherIsWorse());

        HistoryPoint score = store.points("bench:*", null).get(1);
        assertEquals(2000.0, score.value());
        assertEquals(1999.0, score.low());
        assertEquals(2001.0, score.high());
        assertFalse(score.higherIsWorse());

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> store.add(run("20261202T100000Z-b", 999, RunState.COMPLETE, t2, second), second));
        assertTrue(twice.getMessage().startsWith("run 20261202T100000Z-b is already in the history (added "), twice.getMessage());
        assertTrue(twice.getMessage().contains("for commit bbbb"), twice.getMessage());
        assertEquals(4, store.points(null, null).size(), "the refused run added nothing");
    }

    @Test
    void anSqliteFileKeepsEachRunOnce() {
        Path db = dir.resolve("nested/history.db");
        try (HistoryStore store = HistoryStore.open(db.toString())) {
            keepsEachRunOnce(store);
        }
        try (HistoryStore reopened = HistoryStore.open(db.toString())) {
            assertEquals(4, reopened.points(null, null).size(), "the file keeps the points after it is closed");
        }
    }

    @Test
    void postgresqlKeepsEachRunOnce() throws Exception {
        LocalService.require(LocalService.POSTGRES_PORT, "PostgreSQL");
        String schema = "loadlab_history_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (HistoryStore store = HistoryStore.open("postgres://" + LocalService.HOST + ":" + LocalService.POSTGRES_PORT + "/test?schema=" + schema)) {
            assertTrue(store.describe().startsWith("postgresql"), store.describe());
            keepsEachRunOnce(store);
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + LocalService.HOST + ":" + LocalService.POSTGRES_PORT + "/test",
                    System.getProperty("user.name"), null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aDirectoryIsNotADatabase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryStore.open(dir.toString()));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }
}
