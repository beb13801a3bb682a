package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.ClientCheck;
import loadlab.recording.ErrorCause;
import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.recording.Verification;
import loadlab.recording.WriteHistory;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.ForgetfulStore;

/**
 * A target that acknowledges every write and drops three of them (one by answering its id with
 * another write's body): the client's own history finds exactly those three lost and the run exits 1; writes whose answer never came (timeouts) are
 * unknown, never lost, and found applied (recovered) because their ids were the client's own;
 * {@code loadlab verify} says the same later and exports the history for elle-cli.
 */
@EndToEnd
class WritesLostByTheTargetAreFoundFromTheClientsSideTest {
    @TempDir
    Path tmp;

    @Test
    void exactlyTheDroppedAcknowledgedWritesAreLostAndTimeoutsAreUnknown() throws Exception {
        Path workload = Files.writeString(tmp.resolve("writes.yaml"), """
                requests:
                  - name: create
                    method: POST
                    path: /items
                    body: '{"v": "item-${n}"}'
                    write: {id: $.id, verify: '/items/${id}', expect: 'item-${n}'}
                  - name: put
                    method: PUT
                    path: /keys/${k}
                    write: {id: '${k}', verify: '/keys/${id}'}
                variables:
                  k: {counter: {start: 1}}
                  n: {counter: {start: 1}}
                """);
        Path runs = tmp.resolve("runs");
        try (ForgetfulStore target = new ForgetfulStore(Set.of(5L, 10L), Set.of(15L), Set.of("3", "6"))) {
            CliRun run = CliRun.execute("run", "--requests", workload.toString(), "--target", target.uri().toString(), "--rate", "40/s",
                    "--duration", "3s", "--warmup", "0s", "--timeout", "1s", "--verify-wait", "1s", "--out", runs.toString());
            assertEquals(1, run.exit(), run.out() + run.err());
            assertTrue(target.itemsAcknowledged() >= 15, "enough posts to drop three: " + target.itemsAcknowledged());
            RunDirectory dir = RunDirectory.open(RunDirectory.resolve(runs.resolve("latest")));
            Summary s = dir.summary();
            ClientCheck c = s.verification().client();
            assertEquals(Verification.Verdict.LOST, s.verification().verdict());
            assertEquals(3, c.lost(), c.toString());
            assertEquals(1, c.replaced(), "id 15 answers with another write's body");
            assertEquals(List.of("create 5", "create 10", "create 15 (holds another write)"), c.lostWrites().stream().sorted((a, b) ->
                    Integer.compare(Integer.parseInt(a.split(" ")[1]), Integer.parseInt(b.split(" ")[1]))).toList());
            long timeouts = s.requests().get("put").errors().byCause().getOrDefault(ErrorCause.TIMEOUT.id(), 0L);
            assertTrue(timeouts >= 2, "the two slow keys timed out: " + s.requests().get("put"));
            assertEquals(timeouts, c.unknown(), "a timeout is an unknown outcome");
            assertEquals(timeouts, c.recovered(), "the slow writes were applied, and their ids were the client's own");
            assertEquals(s.requests().get("create").ok() + s.requests().get("put").ok(), c.acknowledged(), "every 2xx write, checked");
            assertEquals(c.acknowledged() - 3, c.ok());
            assertTrue(run.out().contains("3 of " + c.acknowledged() + " acknowledged writes LOST"), run.out());

            Path edn = tmp.resolve("history.edn");
            CliRun verify = CliRun.execute("verify", dir.path().toString(), "--history-out", edn.toString(), "--wait", "0s");
            assertEquals(1, verify.exit(), verify.out() + verify.err());
            assertEquals(3, RunDirectory.open(dir.path()).summary().verification().client().lost());
            List<String> lines = Files.readAllLines(edn);
            long writes = WriteHistory.read(dir.path()).writes().size();
            assertEquals(2 * writes + 2, lines.size(), "an invoke and a completion per write, then the final read's two");
            assertTrue(lines.get(0).startsWith("{:type :invoke, :f :add, :value "), lines.get(0));
            String read = lines.get(lines.size() - 1);
            assertTrue(read.startsWith("{:type :ok, :f :read, :value #{"), read);
        }
    }
}
