package loadlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.Summary;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.JourneySource;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.FreezingServer;
import loadlab.injector.internal.run.RunSpec;
import loadlab.injector.internal.run.Engine;

/**
 * A journey kept in the user's own directory is compiled against loadlab and run on Gatling with
 * every request recorded under its step's name; one that does not compile, or that does not extend
 * the base class that records, is refused with one sentence.
 */
@EndToEnd
class AJourneyFromOutsideTheProjectRunsOnGatlingTest {
    private static final String JOURNEY = """
            package shop;

            import static io.gatling.javaapi.core.CoreDsl.exec;
            import static io.gatling.javaapi.http.HttpDsl.http;

            import io.gatling.javaapi.core.ChainBuilder;
            import loadlab.scenarios.RunContext;

            public class BrowseJourney extends loadlab.scenarios.Journey {
                @Override
                protected ChainBuilder steps(RunContext run) {
                    return exec(run.timing().request("home", http("home").get("/")))
                            .exec(run.timing().request("item", http("item").get("/item/" + run.param("item", "7"))));
                }
            }
            """;

    @TempDir
    Path outside;

    @TempDir
    Path runs;

    @Test
    void aJourneyFileIsCompiledAndEveryStepIsRecorded() throws Exception {
        Path source = Files.writeString(Files.createDirectories(outside.resolve("journeys")).resolve("BrowseJourney.java"), JOURNEY);
        JourneySource journey = JourneySource.prepare(source, outside.resolve("classes"));
        assertEquals("journey:shop.BrowseJourney", journey.scenario());
        try (FreezingServer target = new FreezingServer(3_600_000, 0)) {
            RunSpec spec = RunSpec.builder(journey.scenario(), target.url(), new ProfileSpec("20/s", null, null, null, null, "3s", "1s", null))
                    .name("browse").params(Map.of("item", "42")).engine(Engine.GATLING).classpath(journey.classpathEntry()).build();
            Summary summary = InjectorRuns.run(runs, spec, List.of()).run().summary();
            assertEquals(60, summary.requests().get("home").count(), "one home per user: " + summary.requests().keySet());
            assertEquals(60, summary.requests().get("item").count());
            assertEquals(0, summary.total().errors().total());
        }
    }

    @Test
    void aJourneyThatDoesNotCompileIsOneSentence() throws Exception {
        Path source = Files.writeString(outside.resolve("Broken.java"), "public class Broken extends loadlab.scenarios.Journey { nonsense }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JourneySource.prepare(source, outside.resolve("c1")));
        assertTrue(e.getMessage().startsWith("Broken.java does not compile (line 1: "), e.getMessage());
    }

    @Test
    void aSimulationThatBypassesTheRecordingBaseClassIsRefused() throws Exception {
        Path source = Files.writeString(outside.resolve("Plain.java"), "public class Plain extends io.gatling.javaapi.core.Simulation { }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JourneySource.prepare(source, outside.resolve("c2")));
        assertTrue(e.getMessage().contains("must extend loadlab.scenarios.Journey"), e.getMessage());
    }
}
