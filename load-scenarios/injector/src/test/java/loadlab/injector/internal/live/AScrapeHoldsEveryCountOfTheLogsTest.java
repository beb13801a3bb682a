package loadlab.injector.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

import loadlab.recording.ErrorCause;
import loadlab.recording.Histograms;
import loadlab.recording.IntervalLog;
import loadlab.recording.RequestName;
import loadlab.recording.RunRecorder;

/**
 * What Prometheus scrapes from {@code --live prometheus=} holds exactly the logs' counts: each
 * bucket the number of values at or below its bound, the totals, failures by cause, arrivals and the
 * target, and every series the shipped Grafana dashboard queries; after the run the endpoint waits
 * for one scrape of the last second, at most one interval.
 */
class AScrapeHoldsEveryCountOfTheLogsTest {
    private static final Pattern BUCKET = Pattern.compile("^loadlab_request_duration_seconds_bucket\\{(.*)le=\"([^\"]+)\".*\\} (\\S+)$",
            Pattern.MULTILINE);

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Histogram histogram(long... microsAndCounts) {
        Histogram h = Histograms.empty();
        for (int i = 0; i < microsAndCounts.length; i += 2) h.recordValueWithCount(microsAndCounts[i], microsAndCounts[i + 1]);
        return h;
    }

    private static IntervalLog.Tick tick(long second, Histogram read, long timeouts, long arrivals) {
        Histogram failed = histogram(5_000_000, timeouts);
        Histogram lag = histogram(40, arrivals);
        return new IntervalLog.Tick(second * 1000, second * 1000 + 1000, read, read.getTotalCount() + timeouts, timeouts, arrivals,
                List.of(new RunRecorder.Interval("read", read, read), new RunRecorder.Interval(RequestName.errorTag("read", ErrorCause.TIMEOUT),
                        failed, failed)), lag, Histograms.empty());
    }

    private static String scrape(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static double value(String body, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + "\\{[^}]*\\} (\\S+)$", Pattern.MULTILINE).matcher(body);
        assertTrue(m.find(), series + " is served:\n" + body);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyBucketCountsTheLogsValuesAtOrBelowItsBound() throws Exception {
        LiveSpec spec = LiveSpec.parse(List.of("prometheus=127.0.0.1:" + freePort()), Duration.ofSeconds(1));
        PrometheusLive live = new PrometheusLive(spec, Map.of("loadlab.run", "r1", "loadlab.segment", "1/1"),
                new ScheduledRate(new long[] {100, 200, 300}, 0));
        Histogram first = histogram(150, 100, 2_000, 10, 70_000, 1);
        Histogram second = histogram(9, 5, 151, 40, 1_048_576, 2, 200_000_000, 1);
        live.accept(tick(0, first, 3, 100));
        live.accept(tick(1, second, 1, 200));
        String body = scrape(spec.prometheusUrl());

        Histogram all = histogram();
        all.add(first);
        all.add(second);
        Map<Double, Double> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(body);
        while (m.find()) {
            assertTrue(m.group(1).contains("loadlab_request=\"read\"") && m.group(1).contains("loadlab_run=\"r1\""), m.group());
            buckets.put(m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
        }
        assertTrue(buckets.size() > 50, "a bucket every few percent: " + buckets.size());
        buckets.forEach((le, count) -> {
            long expected = 0;
            for (HistogramIterationValue v : all.recordedValues()) {
                if (all.highestEquivalentValue(v.getValueIteratedTo()) * 1e-6 <= le * (1 + 1e-12)) expected += v.getCountAtValueIteratedTo();
            }
            assertEquals(expected, count.longValue(), "values at or below " + le + " s");
        });
        assertEquals(all.getTotalCount(), (long) value(body, "loadlab_request_duration_seconds_count"));
        assertEquals(4, (long) value(body, "loadlab_request_errors_total"));
        assertTrue(body.contains("loadlab_error_cause=\"" + ErrorCause.TIMEOUT.id() + "\""), body);
        assertEquals(300, (long) value(body, "loadlab_arrivals_total"));
        assertEquals(300, (long) value(body, "loadlab_start_lag_seconds_count"));
        assertEquals(200, (long) value(body, "loadlab_target_rate_per_second"), "the second that ended at 2 s asked for 200");
        assertFalse(body.contains("quantile="), "no percentile is served");

        assertEquals("live: 1 scrapes served at " + spec.prometheusUrl(), live.finish(true), "the last second was scraped: no wait");
        everySeriesTheDashboardQueriesIsServed(body);
    }

    /** The shipped Grafana dashboard reads both forms; every loadlab series it names in the scraped form is one served here. */
    private static void everySeriesTheDashboardQueriesIsServed(String body) throws IOException {
        Set<String> series = new TreeSet<>();
        Matcher names = Pattern.compile("^(loadlab_\\w+)", Pattern.MULTILINE).matcher(body);
        while (names.find()) series.add(names.group(1));
        String dashboard = Files.readString(Path.of("..", "..", "examples", "grafana", "loadlab-live.json"));
        Matcher queried = Pattern.compile("loadlab_(?!run\\b|request\\b|segment\\b|error_cause\\b)\\w+").matcher(dashboard);
        int checked = 0;
        while (queried.find()) {
            String name = queried.group();
            assertTrue(series.contains(name) || series.contains(name + "_bucket"), "the dashboard's " + name + " is served: " + series);
            checked++;
        }
        assertTrue(checked >= 10, "the dashboard queries loadlab's series: " + checked);
    }

    @Test
    void aLastSecondNoOneScrapedIsSaidAfterOneInterval() throws Exception {
        LiveSpec spec = LiveSpec.parse(List.of("prometheus=127.0.0.1:" + freePort()), Duration.ofSeconds(1));
        PrometheusLive live = new PrometheusLive(spec, Map.of(), null);
        live.accept(tick(0, histogram(150, 1), 0, 1));
        scrape(spec.prometheusUrl());
        live.accept(tick(1, histogram(150, 1), 0, 1));
        String said = live.finish(true);
        assertTrue(said.contains("1 scrapes served") && said.contains("none read the last seconds within 1 s"), said);
        assertThrows(IOException.class, () -> scrape(spec.prometheusUrl()), "the endpoint is closed");
    }
}
