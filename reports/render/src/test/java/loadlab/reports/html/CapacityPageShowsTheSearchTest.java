package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.reports.capacity.CapacityResult;

/** The capacity page of a search written in code: the figures in HTML, each step's verdict, the charts' data. */
class CapacityPageShowsTheSearchTest {
    @TempDir
    Path tmp;

    @Test
    void thePageShowsTheSustainableRateTheStepsAndTheirSpectra() throws Exception {
        Path dir = CapacityFixture.writeTo(tmp.resolve("search"));
        CapacityResult report = CapacityResult.read(dir);
        assertEquals(6, report.steps().size());
        assertEquals(List.of("pass", "pass", "pass", "fail", "fail", "fail"),
                report.steps().stream().map(s -> s.verdict().id()).toList(), "the fixture's knee lies between 800/s and 900/s");

        String html = Files.readString(CapacityPage.write(dir));
        assertTrue(html.contains("<div class=\"label\">sustainable rate</div><div class=\"value\">800/s</div>"), "the headline card");
        assertTrue(html.contains("900/s failed"), "the bracket");
        assertFalse(html.contains("CAPACITY NOT FOUND"), "a bracketed search has no red banner");
        assertTrue(html.contains("steps/04-1600"), "each step's directory is named");
        assertTrue(report.steps().get(3).reason().contains("breaks p99 <= 50ms"), report.steps().get(3).reason());
        assertTrue(html.contains("breaks p99 &lt;"), "a failing step says which SLO it broke, on the page too");

        JsonNode data = PageData.of(html);
        assertEquals("capacity", data.path("kind").asText());
        JsonNode capacity = data.path("capacity");
        assertEquals(6, capacity.path("steps").size());
        assertEquals(6, capacity.path("spectra").size(), "each step's spectrum, read from its run directory");
        assertEquals(50_000, capacity.path("slo").get(0).path("value_us").asDouble(), "the SLO line in microseconds");
        assertEquals(800, capacity.path("sustainable").asDouble());
    }

    @Test
    void aSearchStoppedByTheInjectorSaysSoInRed() throws Exception {
        Path dir = CapacityFixture.writeTo(tmp.resolve("stopped"));
        CapacityResult r = CapacityResult.read(dir);
        new CapacityResult(r.schema(), r.mode(), r.target(), r.scenario(), r.slo(), r.resolution(), 800.0,
                new CapacityResult.Bracket(800.0, null), "injector_limit", "the step at 1,600/s does not describe the target", r.steps(), null,
                "not fitted", r.started(), r.ended(), r.durationS()).write(dir);
        String html = Files.readString(CapacityPage.write(dir));
        assertTrue(html.contains("CAPACITY NOT FOUND."), "a loud banner");
        assertTrue(html.contains("the step at 1,600/s does not describe the target"), html.length() + " chars");
    }
}
