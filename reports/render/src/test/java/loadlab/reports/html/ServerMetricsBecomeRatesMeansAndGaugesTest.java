package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.testkit.FixtureRun;
import loadlab.recording.RunFiles;

class ServerMetricsBecomeRatesMeansAndGaugesTest {
    @TempDir
    Path tmp;

    private ServerMetrics read(Path dir) {
        return ServerMetrics.read(dir, FixtureRun.ORIGIN_MILLIS, -1.5, 11.5);
    }

    private static Map<String, ServerMetrics.Chart> byTitle(ServerMetrics m) {
        return m.charts().stream().collect(Collectors.toMap(ServerMetrics.Chart::title, Function.identity()));
    }

    @Test
    void countersAreRatesTimersAreMeansAndSteadyGaugesAreLeftOut() {
        Path dir = FixtureRun.of("get", 1).seconds(10).withServerMetrics().writeTo(tmp.resolve("m"));
        ServerMetrics m = read(dir);
        Map<String, ServerMetrics.Chart> charts = byTitle(m);

        ServerMetrics.Chart events = charts.get("app_events_total per second");
        assertEquals("per_s", events.unit());
        assertTrue(events.series().get(0).values().stream().allMatch(v -> Math.abs(v - 10.0) < 1e-9), "10 events a second");

        ServerMetrics.Chart work = charts.get("app_work_seconds (mean and max per scrape)");
        assertEquals("seconds", work.unit());
        assertEquals(0.002, work.series().get(0).values().get(3), 1e-12);
        assertEquals("max", work.series().get(1).label());

        assertTrue(charts.containsKey("app_queue_depth"), "a gauge that moves");
        assertFalse(charts.containsKey("app_constant"), "a gauge that never moves");
        assertEquals(1, m.failedScrapes());
        assertEquals(13, m.scrapes());
    }

    @Test
    void theTargetsOwnMetricsComeFirstThenGcCpuAndHeap() {
        Path dir = FixtureRun.of("get", 1).seconds(10).withServerMetrics().writeTo(tmp.resolve("order"));
        List<String> titles = read(dir).charts().stream().map(ServerMetrics.Chart::title).toList();
        int gc = titles.indexOf("jvm_gc_pause_seconds (mean and max per scrape)");
        assertTrue(gc > titles.indexOf("app_queue_depth") && gc > titles.indexOf("app_events_total per second"), titles.toString());
    }

    @Test
    void familiesWithManyLabelSetsAreAddedUpAndCounterResetsLeaveAGap() throws Exception {
        Path dir = tmp.resolve("labels");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            StringBuilder samples = new StringBuilder();
            for (int k = 0; k < 8; k++) samples.append("\"req_total{route=\\\"r").append(k).append("\\\"}\": ").append(s * (k + 1)).append(", ");
            samples.append("\"resets_total\": ").append(s == 3 ? 0 : s * 4);
            lines.add("{\"ts_ms\": " + (FixtureRun.ORIGIN_MILLIS + s * 1000L) + ", \"samples\": {" + samples + "}}");
        }
        Files.write(dir.resolve(RunFiles.SERVER_METRICS), lines);
        Map<String, ServerMetrics.Chart> charts = byTitle(read(dir));
        ServerMetrics.Chart req = charts.get("req_total per second");
        assertEquals(1, req.series().size());
        assertEquals("sum of 8 series", req.series().get(0).label());
        assertEquals(36.0, req.series().get(0).values().get(2), 1e-9);
        List<Double> resets = charts.get("resets_total per second").series().get(0).values();
        assertNull(resets.get(2), "the scrape where the counter went back is not a negative rate");
        assertEquals(4.0, resets.get(0), 1e-9);
    }

    @Test
    void aLineCutShortAtTheEndIsSkippedButOneInTheMiddleIsDamage() throws Exception {
        Path dir = FixtureRun.of("get", 1).seconds(10).withServerMetrics().writeTo(tmp.resolve("cut"));
        Path file = dir.resolve(RunFiles.SERVER_METRICS);
        Files.writeString(file, "{\"ts_ms\": 17900000", StandardOpenOption.APPEND);
        assertEquals(13, read(dir).scrapes());

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(2, "{not json");
        Files.write(file, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(dir));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aRunWithoutScrapesHasNoServerMetrics() {
        Path dir = FixtureRun.of("get", 1).seconds(3).writeTo(tmp.resolve("none"));
        assertNull(read(dir));
    }
}
