package loadlab.injector.internal.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import loadlab.recording.RunFiles;

/**
 * Samples the target's Prometheus text endpoint once a second into {@code server-metrics.jsonl}:
 * one line per scrape, {"ts_ms": ..., "samples": {"name{labels}": value}}. Histogram buckets are
 * left out (they dominate a scrape and loadlab's own histograms are exact); a failed scrape is
 * written as {"ts_ms": ..., "error": "..."} and the run goes on.
 */
final class MetricsScraper implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final BufferedWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loadlab-metrics-scraper");
        t.setDaemon(true);
        return t;
    });

    MetricsScraper(URI url, Path dir) throws IOException {
        this.url = url;
        this.out = Files.newBufferedWriter(dir.resolve(RunFiles.SERVER_METRICS), StandardCharsets.UTF_8);
        clock.scheduleAtFixedRate(this::scrape, 0, 1, TimeUnit.SECONDS);
    }

    private void scrape() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts_ms", System.currentTimeMillis());
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) line.put("error", "HTTP " + r.statusCode());
            else line.put("samples", parse(r.body()));
        } catch (IOException e) {
            line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            synchronized (out) {
                out.write(JSON.writeValueAsString(line));
                out.newLine();
                out.flush();
            }
        } catch (IOException ignored) {
            // the run directory went away; the load run itself reports that
        }
    }

    /** Prometheus text format: "name{labels} value [timestamp]" lines; comments and buckets skipped. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            int split = line.lastIndexOf('}') >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            if (split < 0) continue;
            String name = line.substring(0, split);
            if (name.contains("_bucket{") || name.endsWith("_bucket")) continue;
            String[] rest = line.substring(split + 1).trim().split("\\s+");
            try {
                samples.put(name, Double.parseDouble(rest[0]));
            } catch (NumberFormatException ignored) {
                // NaN spelled differently, or garbage: skip the sample
            }
        }
        return samples;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(2, TimeUnit.SECONDS);
            synchronized (out) {
                out.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // nothing more to write
        }
    }
}
