package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.testkit.BenchFixture;

class BenchReportGroupsScoresBySubjectTest {
    @TempDir
    Path tmp;

    @Test
    void eachSubjectHasAChartAndATableWithIntervalsInReadableUnits() throws Exception {
        String html = RunReport.html(BenchFixture.writeTo(tmp.resolve("bench"), 1.0));
        assertTrue(html.contains("<h2>FanoutOnWriteBenchmark</h2>"));
        assertTrue(html.contains("<h2>TimelinePageJsonBenchmark</h2>"));
        assertTrue(html.contains("<h2>RunRecorderBenchmark</h2>"));
        assertTrue(html.contains("fanOut [backend=redis, followers=1000]"));
        assertTrue(html.contains("5.86 ± 0.72 ms"), "µs/op shown in ms when that reads better");
        assertTrue(html.contains("378 ± 17 ns"), "and in ns when that does");
        assertTrue(html.contains("285 ± 9 k ops/s"));
        assertTrue(html.contains("71.8 ns (no interval: too few iterations)"));
        assertTrue(html.contains("RecordStore postgres: unreachable"), "skipped benchmarks are listed");
        assertTrue(html.contains("id=\"bench-2\""));
    }

    @Test
    void chartDataIsInOneBaseUnitPerGroup() throws Exception {
        JsonNode groups = PageData.of(RunReport.html(BenchFixture.writeTo(tmp.resolve("data"), 1.0))).path("bench").path("groups");
        assertEquals(3, groups.size());
        JsonNode fanout = groups.get(0);
        assertEquals("time", fanout.path("kind").asText());
        assertEquals(378.0, fanout.path("rows").get(0).path("scores").get(0).asDouble(), 1e-9, "ns");
        assertEquals(5_860_000.0, fanout.path("rows").get(2).path("scores").get(0).asDouble(), 1e-6);
        assertEquals("rate", groups.get(1).path("kind").asText());
        assertTrue(groups.get(2).path("rows").get(1).path("errors").get(0).isNull());
    }

    @Test
    void comparingTwoBenchRunsMarksChangesWhoseIntervalsDoNotOverlap() throws Exception {
        Path a = BenchFixture.writeTo(tmp.resolve("a"), 1.0);
        Path b = BenchFixture.writeTo(tmp.resolve("b"), 1.5);
        Path page = RunReport.compare(a, b, tmp.resolve("cmp.html"));
        String html = Files.readString(page);
        assertTrue(html.contains("<td class=\"worse\">+50.0%</td><td class=\"num\">apart</td>"), "fan-out 50% slower, beyond the intervals");
        assertTrue(html.contains("<td class=\"same\">+0.0%</td><td class=\"num\">overlap</td>"), "an unchanged benchmark");
        JsonNode row = PageData.of(html).path("bench").path("groups").get(0).path("rows").get(1);
        assertEquals(61.0 * 1000, row.path("scores").get(0).asDouble(), 1e-6);
        assertEquals(91.5 * 1000, row.path("scores").get(1).asDouble(), 1e-6);
    }
}
