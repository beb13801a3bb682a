package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.Micros;
import loadlab.recording.RunFiles;
import loadlab.recording.Summary;
import loadlab.testkit.FixtureRun;
import loadlab.testkit.BenchFixture;

class CompareReportOverlaysTwoLoadRunsTest {
    @TempDir
    static Path tmp;
    static Path a;
    static Path b;
    static String html;

    @BeforeAll
    static void build() throws Exception {
        a = FixtureRun.of("read", 80).and("post", 20).seconds(10).latency((s, n, i) -> 1_000 + i * 10L).writeTo(tmp.resolve("a"));
        b = FixtureRun.of("read", 80).and("post", 20).seconds(10).latency((s, n, i) -> 2 * (1_000 + i * 10L)).writeTo(tmp.resolve("b"));
        html = Files.readString(RunReport.compare(a, b, tmp.resolve("out").resolve("a-vs-b.html")));
    }

    @Test
    void theChangesTableShowsBothRunsAndTheDirectionOfEachChange() {
        Summary sa = RunFiles.read(a.resolve(Summary.FILE), Summary.class);
        Summary sb = RunFiles.read(b.resolve(Summary.FILE), Summary.class);
        String p99Row = "<td class=\"key\">p99</td><td class=\"num\">" + Micros.text(sa.total().latencyUs().p99()) + "</td><td class=\"num\">"
                + Micros.text(sb.total().latencyUs().p99()) + "</td><td class=\"worse\">+";
        assertTrue(html.contains(p99Row), "p99 of all requests, worse in B");
        assertTrue(html.contains("<td class=\"key\">count</td><td class=\"num\">1,000</td><td class=\"num\">1,000</td><td class=\"same\">+0.0%</td>"));
        assertTrue(html.contains("Changes from A to B"));
        assertTrue(html.contains("loadlab gate"), "points at the noise-aware judgement");
    }

    @Test
    void theDataHoldsBothRunsForTheOverlaidCharts() {
        JsonNode runs = PageData.of(html).path("runs");
        assertEquals(2, runs.size());
        assertEquals("a", runs.get(0).path("label").asText());
        assertEquals("b", runs.get(1).path("label").asText());
        assertEquals(10, runs.get(1).path("load").path("timeline").path("start_seconds").size());
        JsonNode va = runs.get(0).path("load").path("spectra").path("*").path("response").path("values_us");
        JsonNode vb = runs.get(1).path("load").path("spectra").path("*").path("response").path("values_us");
        assertEquals(2.0, vb.get(vb.size() - 1).asDouble() / va.get(va.size() - 1).asDouble(), 0.01, "B's maximum is twice A's");
    }

    @Test
    void aLoadRunCannotBeComparedWithABenchRun() throws Exception {
        Path bench = BenchFixture.writeTo(tmp.resolve("bench"), 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReport.compare(a, bench, tmp.resolve("x.html")));
        assertTrue(e.getMessage().contains("compare two load runs or two bench runs"), e.getMessage());
    }
}
