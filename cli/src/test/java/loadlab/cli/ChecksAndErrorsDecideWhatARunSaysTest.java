package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * A journey whose Gatling check fails makes {@code loadlab run} exit 1 with cause {@code check},
 * where it used to pass; a run with more than 1% errors and no gate ends with a warning naming the
 * causes.
 */
@EndToEnd
class ChecksAndErrorsDecideWhatARunSaysTest {
    @TempDir
    Path tmp;

    @Test
    void aJourneyWithAFailingJsonPathCheckExitsOne() throws Exception {
        Path journey = Files.writeString(Files.createDirectories(tmp.resolve("j")).resolve("FollowersJourney.java"), """
                import static io.gatling.javaapi.core.CoreDsl.exec;
                import static io.gatling.javaapi.core.CoreDsl.jsonPath;
                import static io.gatling.javaapi.http.HttpDsl.http;

                import io.gatling.javaapi.core.ChainBuilder;
                import loadlab.scenarios.RunContext;

                public class FollowersJourney extends loadlab.scenarios.Journey {
                    @Override
                    protected ChainBuilder steps(RunContext run) {
                        return exec(run.timing().request("user", http("user").get("/users/1").check(jsonPath("$.followers").is("5"))));
                    }
                }
                """);
        Path runs = tmp.resolve("runs");
        try (LoopbackTarget target = new LoopbackTarget().answering("/users/1", "{\"id\": 1, \"followers\": 0}")) {
            CliRun run = CliRun.execute("run", "--simulation", journey.toString(), "--target", target.url(), "--rate", "10/s",
                    "--duration", "2s", "--warmup", "1s", "--out", runs.toString());
            assertEquals(1, run.exit(), run.out() + run.err());
            Summary s = RunDirectory.open(runs.resolve("latest")).summary();
            assertEquals(s.total().count(), s.total().errors().byCause().get("check"), s.total().errors().toString());
            assertTrue(run.out().contains("!!! checks: 20 failed"), run.out());
            assertTrue(run.out().contains("FAIL user             jsonPath($.followers).find.is(5)"), run.out());
        }
    }

    @Test
    void aRunWithManyErrorsAndNoGateSaysSoNamingTheCauses() {
        try (LoopbackTarget target = new LoopbackTarget().failingAfter(0)) {
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "20/s", "--duration", "2s", "--warmup", "0s",
                    "--out", tmp.resolve("errors").toString());
            assertTrue(run.out().contains("warning: 100% of requests failed (by cause: http_5xx=40)"), run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
