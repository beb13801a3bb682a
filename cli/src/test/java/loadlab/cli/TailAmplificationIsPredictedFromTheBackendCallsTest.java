package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.reports.amplification.TailAmplification;
import loadlab.testkit.EndToEnd;

/**
 * The seed's point about fan-out, measured: the reference service reads each home timeline from 16
 * cache shards at once ({@code --read-fanout 16}) while one cache call in a hundred is slowed by
 * 50 ms (an injected fault). The request p99 that the cache calls' own distribution predicts
 * (Dean and Barroso's 1 − (1 − p)^k) is within 10% of the p99 measured.
 */
@EndToEnd
class TailAmplificationIsPredictedFromTheBackendCallsTest {
    @TempDir
    Path tmp;

    @Test
    void sixteenShardsAndOneSlowCallInAHundred() throws Exception {
        Path faults = Files.writeString(tmp.resolve("slow-cache.yaml"), """
                faults:
                  - { name: slow-cache, at: 0s, for: 30s, block: cache, latency: 50ms, latency-probability: 0.01 }
                """);
        Path runs = tmp.resolve("runs");
        CliRun run = CliRun.execute("run", "--scenario", "timeline", "--users", "1000", "--read-fanout", "16", "--param", "mix=read=100",
                "--rate", "50/s", "--duration", "30s", "--warmup", "3s", "--faults", faults.toString(), "--verify", "none",
                "--out", runs.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        List<TailAmplification> rows = TailAmplification.of(RunDirectory.open(RunDirectory.resolve(runs.resolve("latest"))));
        assertEquals(1, rows.size(), rows.toString());
        TailAmplification t = rows.get(0);
        assertEquals("timeline", t.request());
        assertEquals(16, t.fanout());
        assertEquals("cache", t.entry());
        assertTrue(Math.abs(t.error()) <= 0.10, "predicted p99 " + t.predictedP99Us() + " µs against measured " + t.measuredP99Us() + " µs: " + t);
    }
}
