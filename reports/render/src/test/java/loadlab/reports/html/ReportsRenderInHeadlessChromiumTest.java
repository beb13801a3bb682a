package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.Verification;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.FixtureRun;
import loadlab.testkit.BenchFixture;

/**
 * Opens a load report, a bench report, a capacity search's page and both kinds of comparison in headless Chromium, in the
 * light and the dark colour scheme: every chart must have drawn data, the page must log no error
 * and request nothing beyond its own file. Screenshots go to {@code target/screenshots}.
 */
@EndToEnd
class ReportsRenderInHeadlessChromiumTest {

    @Test
    void everyChartDrawsWithNoErrorsAndNoRequests() throws Exception {
        Path root = Path.of("target/e2e").toAbsolutePath();
        deleteTree(root);
        Path load = FixtureRun.of("read", 70).and("post", 20).and("search", 10).seconds(30).errorEvery(25).withServerMetrics()
                .fault("cache-down", 12, 3).fault("slow-store", 20, 4)
                .verified(Verification.answered("http://127.0.0.1:8080/admin/verify?posts=all", 0.4, 600, 0, 0L, 0L, true, 35.0))
                .latency((s, n, i) -> 800 + (s >= 12 && s < 15 ? 40_000 : 0) + (i * 131L) % 4_000).writeTo(root.resolve("load"));
        Path slower = FixtureRun.of("read", 70).and("post", 20).and("search", 10).seconds(30).withServerMetrics()
                .latency((s, n, i) -> 1_000 + (i * 173L) % 6_000).writeTo(root.resolve("load-b"));
        Path bench = BenchFixture.writeTo(root.resolve("bench"), 1.0);
        Path benchB = BenchFixture.writeTo(root.resolve("bench-b"), 1.3);
        Path capacity = CapacityFixture.writeTo(root.resolve("capacity"));
        List<Path> pages = List.of(RunReport.write(load), RunReport.write(bench), CapacityPage.write(capacity),
                RunReport.compare(load, slower, root.resolve("compare-load").resolve("compare.html")),
                RunReport.compare(bench, benchB, root.resolve("compare-bench").resolve("compare.html")),
                HistoryPage.write(root.resolve("history.html"), historyFixture(), "a fixture"));

        List<JsonNode> seen = BrowserCheck.run(Path.of("target/screenshots").toAbsolutePath(), pages);
        assertEquals(pages.size() * 2, seen.size(), "each page in light and dark");
        Map<String, String> backgrounds = new HashMap<>();
        for (JsonNode page : seen) {
            String what = page.path("file").asText() + " (" + page.path("scheme").asText() + ")";
            assertEquals(List.of(), strings(page.path("consoleErrors")), what + ": console errors");
            assertEquals(List.of(), strings(page.path("pageErrors")), what + ": page errors");
            assertEquals(List.of(), strings(page.path("requests")), what + ": requests beyond the page's own file");
            int canvases = page.path("canvases").size();
            assertTrue(canvases >= 3, what + ": " + canvases + " charts");
            assertEquals(canvases, page.path("charts").asInt(), what + ": every canvas has a chart");
            for (JsonNode chart : page.path("drawn")) {
                assertTrue(chart.path("points").asInt() > 0, what + ": chart " + chart.path("id").asText() + " has no data");
            }
            for (JsonNode canvas : page.path("canvases")) {
                assertTrue(canvas.path("painted").asInt() > 0, what + ": canvas " + canvas.path("id").asText() + " is blank");
            }
            assertTrue(Files.size(Path.of(page.path("screenshot").asText())) > 10_000, what + ": screenshot");
            backgrounds.merge(page.path("file").asText() + page.path("scheme").asText(), page.path("background").asText(), (a, b) -> a);
        }
        for (JsonNode page : seen) {
            String name = page.path("file").asText();
            boolean withFaults = name.equals(pages.get(0).toString()) || name.equals(pages.get(3).toString());
            int timelines = 0;
            for (JsonNode canvas : page.path("canvases")) {
                String id = canvas.path("id").asText();
                if (id.equals("latency-time") || id.equals("throughput-time") || id.startsWith("server-")) timelines++;
            }
            // two faults, on the load page and on the comparison (run A), each shaded on every timeline
            assertEquals(withFaults ? 2 * timelines : 0, page.path("faultWindows").asInt(), name + ": fault windows shaded on every timeline");
            if (withFaults) assertTrue(timelines >= 3, name + ": latency, throughput and server timelines");
        }
        String file = pages.get(0).toString();
        assertNotEquals(backgrounds.get(file + "light"), backgrounds.get(file + "dark"), "dark mode changes the page");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Three series of 40 points: one that steps up 30% at point 25, one flat, one with intervals and a step down. */
    private static List<HistoryPage.Series> historyFixture() {
        List<HistoryPage.Series> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<HistoryPage.Point> points = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                double level = k == 0 ? (i < 25 ? 1_000 : 1_300) : k == 1 ? 500 : (i < 20 ? 80 : 60);
                double v = level * (1 + 0.02 * Math.sin(i * 1.7));
                points.add(new HistoryPage.Point("c0ffee" + i, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i), "run-" + i, v,
                        k == 2 ? v * 0.97 : null, k == 2 ? v * 1.03 : null));
            }
            List<HistoryPage.Change> changes = k == 0 ? List.of(new HistoryPage.Change(25, 1_000, 1_300, 0.3, 1e-9, true))
                    : k == 2 ? List.of(new HistoryPage.Change(20, 80, 60, -0.25, 1e-9, true)) : List.of();
            out.add(new HistoryPage.Series("default", k == 2 ? "bench:X.y" : "load:http-get/*", k == 2 ? "score" : k == 0 ? "p99" : "p50",
                    k != 2, k != 2, points, changes));
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
