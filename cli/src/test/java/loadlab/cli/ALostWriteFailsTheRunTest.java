package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.Verification;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * A run whose load went perfectly but whose target then says it lost an acknowledged write is a
 * failed run: exit 1, a loud line, the verification in summary.json and a red banner in the report.
 * The loss is simulated by a loopback target's verification endpoint.
 */
@EndToEnd
class ALostWriteFailsTheRunTest {
    @TempDir
    Path tmp;

    @Test
    void aLostWriteExitsOneAndSaysSoEverywhere() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()
                .answering("/verify", "{\"acknowledged\": 120, \"lost\": 1, \"missing\": 1, \"converged\": false}")) {
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "20/s", "--duration", "3s", "--warmup", "1s",
                    "--verify", target.url() + "verify", "--out", tmp.resolve("runs").toString());
            String text = run.out() + run.err();
            assertEquals(Loadlab.CHECK_FAILED, run.exit(), text);
            assertTrue(text.contains("!!! verification: 1 of 120 acknowledged writes LOST"), text);

            RunDirectory dir = RunDirectory.open(tmp.resolve("runs").resolve("latest").toRealPath());
            assertEquals(Verification.Verdict.LOST, dir.summary().verification().verdict());
            assertTrue(Files.readString(dir.file("summary.json")).contains("\"verdict\" : \"lost\""), "summary.json says it");
            assertTrue(Files.readString(dir.file("report.html")).contains("ACKNOWLEDGED WRITES LOST."), "the report says it");
        }
    }
}
