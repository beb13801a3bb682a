package loadlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunState;
import loadlab.reports.changes.DetectionSettings;

/**
 * A detection keeps its weak change points in the store; the next one, after runs were appended,
 * re-tests only the tail and finds what a full detection finds. A run added in the middle of the
 * history (an older commit) is not an append: the next detection starts over.
 */
class DetectionContinuesWhereItLeftOffTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static void add(HistoryStore store, int k, double value, long hour) {
        Provenance at = new Provenance("c" + k, "main", T0.plusSeconds(3600 * hour), "ci");
        String id = "run-" + k;
        store.add(new RunPoints(id, "load", RunState.COMPLETE, List.of(new HistoryPoint("ci", "load:x/*", "p99", value, null, null, at.commit(),
                at.branch(), at.commitTime(), id, RunState.COMPLETE, true)), null), at);
    }

    private static HistoryChanges.Series series(HistoryStore store) {
        return HistoryChanges.series(store.points("load:*", "p99"), null).get(0);
    }

    private static List<Integer> indexes(List<SeriesChange> changes) {
        return changes.stream().map(c -> c.change().index()).toList();
    }

    @Test
    void appendedRunsAreDetectedFromTheTail() {
        Random noise = new Random(5);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db").toString())) {
            assertNull(store.weakPoints("ci", "load:x/*", "p99", "50/0.001/0.0"), "nothing kept before the first detection");
            for (int k = 0; k < 300; k++) add(store, k, (k < 150 ? 100 : 150) + 5 * noise.nextGaussian(), k);
            assertEquals(List.of(150), indexes(HistoryChanges.detect(series(store), DetectionSettings.DEFAULT, store)));
            assertEquals(300, store.weakPoints("ci", "load:x/*", "p99", "50/0.001/0.0").points());

            for (int k = 300; k < 305; k++) add(store, k, 150 + 5 * noise.nextGaussian(), k);
            List<SeriesChange> continued = HistoryChanges.detect(series(store), DetectionSettings.DEFAULT, store);
            assertEquals(indexes(HistoryChanges.detect(series(store), DetectionSettings.DEFAULT)), indexes(continued), "the same as a full detection");
            assertEquals(List.of(150), indexes(continued));
            assertEquals(305, store.weakPoints("ci", "load:x/*", "p99", "50/0.001/0.0").points());
            assertEquals("run-304", store.weakPoints("ci", "load:x/*", "p99", "50/0.001/0.0").lastRun());

            add(store, 999, 100, 10); // an old commit, placed at point 11: the kept detection no longer ends where the series does
            assertEquals(List.of(151), indexes(HistoryChanges.detect(series(store), DetectionSettings.DEFAULT, store)), "started over");
        }
    }
}
