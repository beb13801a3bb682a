package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * {@code --live otlp=URL}, received by a loopback OTLP receiver built on the protocol's own classes:
 * every push holds each request name's response times as a delta base-2 exponential histogram whose
 * count is exactly what {@code latency.hlog} holds for the seconds it covers, and all pushes add up
 * to the run's count; a collector that goes away mid-run leaves the run complete, its failed pushes
 * said on the console. {@code --live prometheus=HOST:PORT}, scraped while the run runs, serves at
 * the end exactly the logs' counts.
 */
@EndToEnd
class LiveHistogramsAddUpToTheRunsLogsTest {
    @TempDir
    Path tmp;

    @Test
    void eachPushEqualsTheLogsSecondsItCovers() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget(); OtlpReceiver collector = new OtlpReceiver(1)) {
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "200/s", "--duration", "20s", "--warmup", "2s",
                    "--live", "otlp=" + collector.url(), "--live-interval", "5s", "--out", runs.toString());
            assertEquals(0, run.exit(), run.out() + run.err());
            RunDirectory dir = RunDirectory.open(RunDirectory.resolve(runs.resolve("latest")));
            List<OtlpReceiver.Point> points = collector.points();
            assertTrue(points.size() >= 4, "a push every 5 s of a 20 s run: " + points);
            long pushed = 0;
            for (OtlpReceiver.Point p : points) {
                assertEquals("DELTA", p.temporality().replace("AGGREGATION_TEMPORALITY_", ""));
                assertEquals(p.count(), p.bucketTotal(), "every count in a bucket");
                long[] inLogs = {0};
                dir.latency(e -> {
                    // by the interval's middle: HdrHistogram reads a log's timestamps back through seconds as doubles, a millisecond short at times
                    long middleNanos = (e.startMillis() + e.endMillis()) / 2 * 1_000_000;
                    if (!e.failed() && e.name().equals(p.request()) && middleNanos >= p.startNanos() && middleNanos <= p.endNanos()) {
                        inLogs[0] += e.histogram().getTotalCount();
                    }
                });
                assertEquals(inLogs[0], p.count(), "the push of " + p + " holds exactly the logs' seconds it covers");
                pushed += p.count();
            }
            assertEquals(dir.summary().total().ok(), pushed, "all pushes add up to the run");
            assertTrue(run.out().contains("live: " + collector.received() + " pushes sent to " + collector.url()), run.out());
            long[] requests = {0};
            dir.latency(e -> requests[0] += e.histogram().getTotalCount());
            assertEquals(requests[0], collector.arrivals(), "one request an arrival: the pushed arrivals are every request in the logs");
            assertEquals(200.0, collector.targets().stream().mapToDouble(Double::doubleValue).max().orElse(0), "the target rate is pushed");
        }
    }

    @Test
    void aScraperReadsWhatTheLogsHold() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/metrics";
        AtomicReference<String> last = new AtomicReference<>();
        CompletableFuture<Integer> scraper = CompletableFuture.supplyAsync(() -> scrapeUntilGone(url, last));
        try (LoopbackTarget target = new LoopbackTarget()) {
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "200/s", "--duration", "6s", "--warmup", "1s",
                    "--live", "prometheus=127.0.0.1:" + port, "--live-interval", "2s", "--out", runs.toString());
            assertEquals(0, run.exit(), run.out() + run.err());
            int scrapes = scraper.get(60, TimeUnit.SECONDS);
            assertTrue(run.out().contains("live: serving Prometheus metrics at " + url), run.out());
            assertTrue(run.out().matches("(?s).*live: \\d+ scrapes served at " + Pattern.quote(url) + "\n.*"),
                    "the last second was scraped before the endpoint closed: " + run.out());
            assertTrue(scrapes >= 3, "scraped while the run ran: " + scrapes);

            RunDirectory dir = RunDirectory.open(RunDirectory.resolve(runs.resolve("latest")));
            Map<String, Long> inLogs = new HashMap<>();
            dir.latency(e -> {
                if (!e.failed()) inLogs.merge(e.name(), e.histogram().getTotalCount(), Long::sum);
            });
            String body = last.get();
            Map<String, Long> served = new HashMap<>();
            Matcher m = Pattern.compile("^loadlab_request_duration_seconds_count\\{.*loadlab_request=\"([^\"]+)\".*\\} (\\S+)$", Pattern.MULTILINE)
                    .matcher(body);
            while (m.find()) served.put(m.group(1), (long) Double.parseDouble(m.group(2)));
            assertEquals(inLogs, served, "the last scrape holds every second of latency.hlog");

        }
    }

    /** Scrapes every half second, as Prometheus would, until the endpoint has been up and is gone; keeps the last body. */
    private static int scrapeUntilGone(String url, AtomicReference<String> last) {
        HttpClient client = HttpClient.newHttpClient();
        int scrapes = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    last.set(r.body());
                    scrapes++;
                }
            } catch (IOException e) {
                if (scrapes > 0) return scrapes;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return scrapes;
            }
            try {
                Thread.sleep(500); // a scrape interval, not synchronisation: the run decides when the endpoint closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return scrapes;
            }
        }
        return scrapes;
    }

    @Test
    void twoSegmentsPushingToOneCollectorAddUp() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget(); OtlpReceiver collector = new OtlpReceiver(1)) {
            List<CompletableFuture<CliRun>> segments = List.of("1/2", "2/2").stream().map(s -> CompletableFuture.supplyAsync(() ->
                    CliRun.execute("run", "--target", target.url(), "--rate", "200/s", "--duration", "8s", "--warmup", "1s", "--segment", s,
                            "--live", "otlp=" + collector.url(), "--live-interval", "2s", "--out", tmp.resolve("runs-" + s.charAt(0)).toString())))
                    .toList();
            long total = 0;
            for (int k = 1; k <= 2; k++) {
                CliRun run = segments.get(k - 1).get(120, TimeUnit.SECONDS);
                assertEquals(0, run.exit(), run.out() + run.err());
                long counted = RunDirectory.open(RunDirectory.resolve(tmp.resolve("runs-" + k).resolve("latest"))).summary().total().ok();
                String segment = k + "/2";
                long pushed = collector.points().stream().filter(p -> segment.equals(p.segment())).mapToLong(OtlpReceiver.Point::count).sum();
                assertEquals(counted, pushed, "segment " + segment + "'s pushes are its own count, told apart by the resource");
                total += counted;
            }
            assertEquals(total, collector.points().stream().mapToLong(OtlpReceiver.Point::count).sum(), "the collector adds both up");
        }
    }

    @Test
    void aCollectorThatGoesAwayLeavesTheRunComplete() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            OtlpReceiver collector = new OtlpReceiver(1);
            CompletableFuture<Void> gone = CompletableFuture.runAsync(() -> {
                try {
                    collector.awaitPushes();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                collector.close();
            });
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "100/s", "--duration", "12s", "--warmup", "1s",
                    "--live", "otlp=" + collector.url(), "--live-interval", "2s", "--out", runs.toString());
            gone.get(30, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.out() + run.err());
            assertEquals(RunState.COMPLETE, RunDirectory.open(RunDirectory.resolve(runs.resolve("latest"))).state());
            assertTrue(run.out().matches("(?s).*live: \\d+ pushes sent to .*; [1-9]\\d* failed and \\d+ dropped.*"), run.out());
        }
    }
}
