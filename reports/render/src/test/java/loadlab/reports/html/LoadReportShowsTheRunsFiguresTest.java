package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.Micros;
import loadlab.recording.RunFiles;
import loadlab.recording.Summary;
import loadlab.testkit.FixtureRun;

class LoadReportShowsTheRunsFiguresTest {
    @TempDir
    static Path tmp;
    static Path run;
    static String html;
    static Summary summary;

    @BeforeAll
    static void build() throws Exception {
        run = FixtureRun.of("read", 70).and("post", 20).and("search", 10).seconds(20).errorEvery(10).withServerMetrics()
                .serverTiming("read", "store", 800, 20_000).serverTiming("read", "cache", 50, 50).serverTiming("post", "store", 2_000, 2_000)
                .fanout("read", 4)
                .writeTo(tmp.resolve("20260921T120000Z-fixture"));
        Path page = RunReport.write(run);
        assertEquals(run.resolve("report.html"), page);
        html = Files.readString(page);
        summary = RunFiles.read(run.resolve(Summary.FILE), Summary.class);
    }

    @Test
    void headlineCardsCarryTheSummarysFiguresWithUnits() {
        Summary.Stats t = summary.total();
        assertEquals(2_000, t.count());
        assertTrue(html.contains("<div class=\"value\">2,000</div>"), "request count");
        assertTrue(html.contains("<div class=\"value\">" + Micros.text(t.latencyUs().p99()) + "</div>"), "p99 card");
        assertTrue(html.contains("<div class=\"value\">" + Micros.text(t.latencyUs().p999()) + "</div>"), "p99.9 card");
        assertTrue(html.contains("<div class=\"value\">" + Micros.text(t.latencyUs().max()) + "</div>"), "max card");
        assertTrue(html.contains("target 100/s"), "achieved against target");
        assertTrue(html.contains("<div class=\"card good\"><div class=\"label\">injector verdict</div><div class=\"value\">ok</div>"));
        assertFalse(html.contains("INVALID RUN"));
    }

    @Test
    void everyRequestNameHasARowAndErrorsAreCounted() {
        for (String name : List.of("read", "post", "search", "all requests")) {
            assertTrue(html.contains("<td class=\"\">" + name + "</td>"), name);
        }
        assertEquals(200, summary.total().errors().total());
        assertTrue(html.contains("<div class=\"card bad\"><div class=\"label\">errors</div><div class=\"value\">200</div>"));
        assertTrue(html.contains("http_5xx 200"), "errors by cause");
    }

    @Test
    void spectraEndAtTheHighestResolvedPercentileWithTheMaximum() {
        JsonNode spectra = PageData.of(html).path("runs").get(0).path("load").path("spectra");
        List<String> names = new ArrayList<>();
        spectra.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("*", "post", "read", "search"), names);
        JsonNode all = spectra.path("*").path("response");
        JsonNode ps = all.path("percentiles");
        JsonNode vs = all.path("values_us");
        assertEquals(100.0 * (1 - 1.0 / summary.total().ok()), ps.get(ps.size() - 1).asDouble(), 1e-6, "the successes' spectrum");
        assertEquals(summary.total().latencyUs().max(), vs.get(vs.size() - 1).asLong());
        for (int i = 1; i < ps.size(); i++) {
            assertTrue(ps.get(i).asDouble() > ps.get(i - 1).asDouble(), "percentiles ascend");
            assertTrue(vs.get(i).asLong() >= vs.get(i - 1).asLong(), "values never fall");
        }
        assertTrue(spectra.path("read").path("service").path("percentiles").size() > 10, "service time has its own spectrum");
    }

    @Test
    void eachServerTimingEntryHasASpectrumBesideItsRequests() {
        JsonNode spectra = PageData.of(html).path("runs").get(0).path("load").path("spectra");
        JsonNode readStore = spectra.path("read").path("entries").path("store").path("values_us");
        assertTrue(readStore.size() > 5, "read's store entry has a spectrum: " + readStore);
        assertTrue(Math.abs(readStore.get(0).asLong() - 800) <= 1, "its body is 800 µs: " + readStore);
        assertTrue(Math.abs(readStore.get(readStore.size() - 1).asLong() - 20_000) <= 20, "its tail ends at the slow calls' 20 ms: " + readStore);
        List<String> readEntries = new ArrayList<>();
        spectra.path("read").path("entries").fieldNames().forEachRemaining(readEntries::add);
        assertEquals(List.of("cache", "store"), readEntries);
        List<String> postEntries = new ArrayList<>();
        spectra.path("post").path("entries").fieldNames().forEachRemaining(postEntries::add);
        assertEquals(List.of("store"), postEntries, "each request shows only its own entries");
        assertEquals(0, spectra.path("search").path("entries").size(), "a request without the header has none");
        JsonNode allStore = spectra.path("*").path("entries").path("store").path("values_us");
        assertEquals(20_000, allStore.get(allStore.size() - 1).asLong(), 20, "all requests' store entry holds read's tail too");
        assertTrue(html.contains("(Server-Timing)"), "the chart draws them");
    }

    @Test
    void aFannedOutRequestIsDrawnAgainstItsFanOut() {
        JsonNode rows = PageData.of(html).path("runs").get(0).path("load").path("amplification");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("read", rows.get(0).path("request").asText());
        assertEquals(4, rows.get(0).path("fanout").asLong());
        assertTrue(rows.get(0).path("curve").size() >= 7 && rows.get(0).path("measured_p99_us").asLong() > 0, rows.toString());
        assertTrue(html.contains("id=\"amplification-k\""), "the chart is on the page");
    }

    @Test
    void timelineHasOneBucketPerSecondWithRatesAndErrors() {
        JsonNode tl = PageData.of(html).path("runs").get(0).path("load").path("timeline");
        assertEquals(1, tl.path("bucket_seconds").asLong());
        assertEquals(20, tl.path("start_seconds").size());
        JsonNode all = tl.path("requests").path("*");
        long total = 0;
        for (JsonNode c : all.path("count")) total += c.asLong();
        assertEquals(2_000, total);
        assertEquals(100.0, all.path("rate_per_s").get(7).asDouble(), 1e-9);
        assertEquals(10, all.path("errors").get(7).asLong());
        assertEquals(70, tl.path("requests").path("read").path("count").get(7).asLong());
        assertTrue(tl.path("lag_p99_us").get(0).asLong() > 0);
    }

    @Test
    void targetAndServerMetricsAreInTheData() {
        JsonNode load = PageData.of(html).path("runs").get(0).path("load");
        assertEquals("target arrivals/s", load.path("target").path("label").asText());
        assertEquals(100.0, load.path("target").path("values").get(0).asDouble(), 1e-9);
        JsonNode charts = load.path("server").path("charts");
        assertTrue(charts.size() >= 3);
        assertTrue(html.contains("id=\"server-grid\""));
    }

    @Test
    void contextNamesTargetToolAndMachine() {
        for (String s : List.of("http://127.0.0.1:8080/", System.getProperty("os.name"), "loadlab test (git 0123456789ab), gatling 3.15.1",
                "100/s for 20 s", "warm-up 5 s", "users&#x3D;100")) {
            assertTrue(html.contains(s), s);
        }
    }

    @Test
    void pageRequestsNothingFromOutside() {
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        for (String p : List.of("<script[^>]*\\ssrc=", "<link[^>]*href=", "<img[^>]*src=", "@import", "url\\(\\s*['\"]?(https?:|//)")) {
            assertFalse(Pattern.compile(p).matcher(html).find(), p);
        }
        assertTrue(html.contains("Chart.js v" + ReportPage.chartJsVersion()), "Chart.js is inlined");
    }

    @Test
    void aRunWhoseSummaryWasNeverWrittenIsSummarisedFromItsLogs() throws Exception {
        Path dir = FixtureRun.of("read", 30).seconds(5).writeTo(tmp.resolve("no-summary"));
        Files.delete(dir.resolve(Summary.FILE));
        String page = RunReport.html(dir);
        assertTrue(page.contains("<div class=\"value\">150</div>"));
    }
}
