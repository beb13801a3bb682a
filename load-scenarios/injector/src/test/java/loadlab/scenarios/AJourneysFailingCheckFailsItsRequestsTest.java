package loadlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.CheckCount;
import loadlab.recording.Summary;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.JourneySource;
import loadlab.testkit.EndToEnd;
import loadlab.injector.internal.run.RunSpec;
import loadlab.injector.internal.run.Engine;
import loadlab.testkit.LoopbackServers;

/**
 * A Gatling check that fails is a failed request with cause {@code check}, never a success: the
 * journey's {@code jsonPath("$.followers").is("5")} against a user with 0 followers fails every
 * time, while its other checks, which hold, are counted as passes, each under its own name.
 */
@EndToEnd
class AJourneysFailingCheckFailsItsRequestsTest {
    private static final String JOURNEY = """
            package shop;

            import static io.gatling.javaapi.core.CoreDsl.exec;
            import static io.gatling.javaapi.core.CoreDsl.jsonPath;
            import static io.gatling.javaapi.http.HttpDsl.http;

            import io.gatling.javaapi.core.ChainBuilder;
            import loadlab.scenarios.RunContext;

            public class ProfileJourney extends loadlab.scenarios.Journey {
                @Override
                protected ChainBuilder steps(RunContext run) {
                    return exec(run.timing().request("profile", http("profile").get("/users/1")
                            .check(jsonPath("$.name").exists(), jsonPath("$.followers").is("5"), jsonPath("$.id").saveAs("id").name("has an id"))))
                            .exec(run.timing().request("again", http("again").get("/users/#{id}")));
                }
            }
            """;

    @TempDir
    Path outside;

    @TempDir
    Path runs;

    @Test
    void aFailingJsonPathCheckIsCauseCheckAndEveryCheckIsCountedByName() throws Exception {
        HttpServer server = LoopbackServers.http(64);
        server.createContext("/", x -> {
            byte[] b = "{\"id\": 1, \"name\": \"ada\", \"followers\": 0}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, b.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        try {
            Path source = Files.writeString(Files.createDirectories(outside.resolve("j")).resolve("ProfileJourney.java"), JOURNEY);
            JourneySource journey = JourneySource.prepare(source, outside.resolve("classes"));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            RunSpec spec = RunSpec.builder(journey.scenario(), url, new ProfileSpec("10/s", null, null, null, null, "2s", "1s", null))
                    .name("profile").engine(Engine.GATLING).classpath(journey.classpathEntry()).build();
            Summary summary = InjectorRuns.run(runs, spec, List.of()).run().summary();
            Summary.Stats profile = summary.requests().get("profile");
            assertEquals(20, profile.count(), summary.requests().keySet().toString());
            assertEquals(0, profile.ok(), "a response that failed a check is not a success");
            assertEquals(Map.of("check", 20L), profile.errors().byCause());
            List<CheckCount> checks = profile.checks();
            assertEquals(List.of("jsonPath($.name).find.exists", "jsonPath($.followers).find.is(5)", "has an id"),
                    checks.stream().map(CheckCount::name).toList());
            assertEquals(20, checks.get(0).passes());
            assertEquals(0, checks.get(1).passes());
            assertEquals(20, checks.get(1).fails());
            assertTrue(checks.get(1).messages().keySet().stream().allMatch(m -> m.contains("found 0")), checks.get(1).messages().toString());
            assertEquals(20, checks.get(2).passes());
            assertEquals(20, summary.requests().get("again").ok(), "the journey goes on after a failed check, as Gatling's does");
            assertEquals(20, summary.total().checkFailures());
        } finally {
            server.stop(0);
        }
    }
}
