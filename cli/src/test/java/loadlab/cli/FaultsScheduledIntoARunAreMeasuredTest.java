package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.FaultLog;
import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.recording.Verification;
import loadlab.testkit.EndToEnd;

/**
 * A run of the reference service (started by loadlab) with each block faulted and a stall:
 * each fault's actions reach the admin API on time and succeed, faults.json keeps them, the summary
 * and the console give each fault's before, during and after, no fault outlives the run, and the
 * service then has every acknowledged post, in every timeline and in search.
 */
@EndToEnd
class FaultsScheduledIntoARunAreMeasuredTest {
    @TempDir
    Path tmp;

    @Test
    void everyFaultIsCarriedOutMeasuredAndCleared() throws Exception {
        Path faults = Files.writeString(tmp.resolve("faults.yaml"), """
                faults:
                  - { name: cache-down, at: 2s, for: 2s, block: cache, down: true }
                  - { name: index-down, at: 3s, for: 2s, block: index, down: true }
                  - { name: slow-store, at: 5s, for: 2s, block: store, latency: 20ms, latency-probability: 0.5 }
                  - { name: pause, at: 8s, stall: 1s }
                  - { name: stream-down, at: 10s, for: 2s, block: stream, down: true }
                """);
        CliRun run = CliRun.execute("run", "--users", "200", "--posts-per-user", "2", "--rate", "50/s", "--duration", "14s", "--warmup", "2s",
                "--faults", faults.toString(), "--out", tmp.resolve("runs").toString());
        String text = run.out() + run.err();
        Path dir = tmp.resolve("runs").resolve("latest").toRealPath();
        FaultLog log = FaultLog.read(dir);
        assertNotNull(log, "faults.json was written: " + text);
        assertEquals(List.of("cache-down", "index-down", "slow-store", "pause", "stream-down"),
                log.faults().stream().map(FaultLog.Fault::name).toList());
        for (FaultLog.Fault f : log.faults()) {
            assertNotNull(f.startedS(), f.name() + " started: " + text);
            assertTrue(f.start().ok(), f.name() + " was accepted by the admin API: " + f.start());
            assertNotNull(f.endedS(), f.name() + " ended");
            assertTrue(f.startedS() >= f.atS() - 0.05, f.name() + " not before its time: " + f);
            if (f.stop() != null) assertTrue(f.stop().ok(), f.name() + " was cleared by the admin API: " + f.stop());
        }
        Summary summary = RunDirectory.open(dir).summary();
        assertEquals(5, summary.faults().size(), "each fault's impact is in summary.json");
        Summary.FaultEffect pause = summary.faults().get(3);
        assertNotNull(pause.after().p99Us());
        assertTrue(pause.after().p99Us() >= 500_000, "the requests a 1 s stall held complete, and count, when it ends: " + pause.after());
        assertTrue(text.contains("fault pause (stall process)"), text);
        assertTrue(text.contains("fault slow-store (block store)"), text);

        assertNotNull(summary.verification(), "a run against the reference service ends with its verification: " + text);
        assertEquals(Verification.Verdict.KEPT, summary.verification().verdict(), summary.verification().sentence());
        assertTrue(summary.verification().acknowledged() > 0, "the timeline scenario posts, so some writes were acknowledged");
        assertTrue(text.contains("verification: client: all ") && text.contains("; service: all "), text);
        assertEquals(0, summary.verification().client().lost(), "every post and follow read back from the client's side");
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("id=\"faults\""), "the report has the faults table");
        assertTrue(report.contains("\"start_s\""), "the report's data holds the fault windows the charts shade");
        assertTrue(report.contains("nothing lost"), "the report shows the verification");
    }
}
