package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.testkit.FixtureRun;

/**
 * {@code gate --history}: the baseline is the judged run's series since its newest change point. A
 * history that slowed by 30% at run 20 passes a new run at the slowed level (it is the new normal,
 * accepted when the change was found) and fails one 30% slower again; the run before the change,
 * as a hand-picked baseline, would have failed both.
 */
class AGateTakesItsBaselineFromTheHistoryTest {
    private static final Instant FIRST_COMMIT = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path run(String name, int seed, double factor) {
        double level = 1_000 * (1 + 0.03 * new Random(seed).nextGaussian()) * factor;
        return FixtureRun.of("GET", 100).latency((s, n, i) -> Math.round(level + (i * 37L) % 200)).writeTo(dir.resolve(name));
    }

    private Path history() {
        Path db = dir.resolve("history.db");
        for (int k = 0; k < 30; k++) {
            CliRun added = CliRun.execute("history", "add", run(String.format("run-%02d", k), k, k >= 20 ? 1.3 : 1.0).toString(), "--db", db.toString(),
                    "--commit", "c" + k, "--commit-time", FIRST_COMMIT.plusSeconds(3600L * k).toString());
            assertEquals(0, added.exit(), added.err());
        }
        return db;
    }

    private Path spec() throws IOException {
        Path spec = dir.resolve("gate.yaml");
        Files.writeString(spec, "relative:\n  - { request: \"*\", metric: p50, worse-by-at-most: 10% }\n");
        return spec;
    }

    @Test
    void theBaselineIsTheSegmentSinceTheNewestChangePoint() throws IOException {
        Path db = history();
        Path spec = spec();

        CliRun same = CliRun.execute("gate", "--spec", spec.toString(), run("new-same", 100, 1.3).toString(), "--history", db.toString());
        assertTrue(same.out().contains("baseline from the history: 10 runs of load:http-get/* since the newest change point (2026-11-01T20:00:00Z)"),
                same.out());
        assertEquals(0, same.exit(), "the slowed level is the segment's own: " + same.out());

        CliRun slower = CliRun.execute("gate", "--spec", spec.toString(), run("new-slower", 101, 1.69).toString(), "--history", db.toString());
        assertEquals(1, slower.exit(), "30% slower than the segment: " + slower.out());

        CliRun handPicked = CliRun.execute("gate", "--spec", spec.toString(), dir.resolve("new-same").toString(), "--baseline",
                dir.resolve("run-00").toString());
        assertEquals(1, handPicked.exit(), "against the run before the change the same run fails: " + handPicked.out());
    }

    @Test
    void historyAndBaselineTogetherAreRefused() throws IOException {
        CliRun both = CliRun.execute("gate", "--spec", spec().toString(), run("x", 1, 1).toString(), "--history", dir.resolve("h.db").toString(),
                "--baseline", run("y", 2, 1).toString());
        both.assertRefusedWithOneSentence("--history and --baseline both choose the baseline");
    }

    @Test
    void anEmptyHistoryIsOneSentence() throws IOException {
        CliRun empty = CliRun.execute("gate", "--spec", spec().toString(), run("x", 1, 1).toString(), "--history", dir.resolve("h.db").toString());
        empty.assertRefusedWithOneSentence("has no complete runs of load:http-get/* on testbed default");
    }
}
