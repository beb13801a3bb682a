package loadlab.testkit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import loadlab.recording.CheckLog;
import loadlab.recording.ErrorCause;
import loadlab.recording.FaultLog;
import loadlab.recording.Histograms;
import loadlab.recording.RequestName;
import loadlab.recording.RunFiles;
import loadlab.recording.RecordedProfile;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunManifest;
import loadlab.recording.Tool;
import loadlab.recording.Verification;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A recorded load run written in code, deterministic to the microsecond: per second and request
 * name a fixed number of requests whose latencies come from a formula, written in HdrHistogram's
 * interval-log format exactly as the injector writes them, plus run.json, summary.json and
 * optionally server-metrics.jsonl. Public so the command-line tests can build runs too.
 */
public final class FixtureRun {
    public static final long ORIGIN_MILLIS = 1_790_000_000_000L;

    /** Latency in µs of request {@code i} of {@code name} in second {@code second}. */
    public interface Latency {
        long us(int second, String name, int i);
    }

    private final Map<String, Integer> perSecond = new LinkedHashMap<>();
    private int seconds = 20;
    private Latency latency = (s, n, i) -> 1_000 + (i * 37L) % 9_000;
    private double serviceShare = 0.8;
    private int errorEvery;
    private Double targetRate = 100.0;
    private String model = "open";
    private boolean interrupted;
    private boolean serverMetrics;
    private List<Integer> silentSeconds = List.of();
    private final List<FaultLog.Fault> faults = new ArrayList<>();
    private Verification verification;
    private final List<String[]> serverTimings = new ArrayList<>();
    private final Map<String, Long> fanouts = new TreeMap<>();

    private FixtureRun() {}

    public static FixtureRun of(String name, int requestsPerSecond) {
        FixtureRun f = new FixtureRun();
        f.perSecond.put(name, requestsPerSecond);
        return f;
    }

    public FixtureRun and(String name, int requestsPerSecond) {
        perSecond.put(name, requestsPerSecond);
        return this;
    }

    public FixtureRun seconds(int n) {
        seconds = n;
        return this;
    }

    public FixtureRun latency(Latency l) {
        latency = l;
        return this;
    }

    /** Every n-th request of each second fails with HTTP 5xx. */
    public FixtureRun errorEvery(int n) {
        errorEvery = n;
        return this;
    }

    /** The profile's rate; the summary's verdict is "invalid" when the fixture sends less than 95% of it. */
    public FixtureRun target(Double rate) {
        targetRate = rate;
        return this;
    }

    public FixtureRun closed() {
        model = "closed";
        targetRate = null;
        return this;
    }

    public FixtureRun interrupted() {
        interrupted = true;
        return this;
    }

    public FixtureRun withServerMetrics() {
        serverMetrics = true;
        return this;
    }

    /** Seconds in which nothing completed (the target stalled): no intervals are logged for them. */
    public FixtureRun silent(Integer... secondsWithoutCompletions) {
        silentSeconds = List.of(secondsWithoutCompletions);
        return this;
    }

    /** A block fault from second {@code at} for {@code length} seconds, carried out on time (faults.json). */
    public FixtureRun fault(String name, int at, int length) {
        FaultLog.Outcome ok = new FaultLog.Outcome("PUT /admin/faults/cache", true, 200, "{}", 1.0);
        faults.add(new FaultLog.Fault(name, "block", "cache", at, length, (double) at, (double) at + length, ok, ok, false));
        return this;
    }

    /** What the target said after the load (verification.json). */
    private CheckLog checks;

    /** The run's checks.json, as an injector writes it. */
    public FixtureRun checks(CheckLog log) {
        checks = log;
        return this;
    }

    /**
     * The target's {@code Server-Timing}: each successful request of {@code request} carries one
     * {@code entry} of {@code micros}, every hundredth one (counted over the run) of {@code tailMicros}.
     */
    public FixtureRun serverTiming(String request, String entry, long micros, long tailMicros) {
        serverTimings.add(new String[] {request, entry, Long.toString(micros), Long.toString(tailMicros)});
        return this;
    }

    /** Each successful request of {@code request} also declares a fan-out of {@code k} ({@code fanout;desc=k}). */
    public FixtureRun fanout(String request, long k) {
        fanouts.put(request, k);
        return this;
    }

    public FixtureRun verified(Verification v) {
        verification = v;
        return this;
    }

    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            RecordedProfile profile = targetRate != null
                    ? new RecordedProfile.Open(List.of(new RecordedProfile.Phase(targetRate, targetRate, seconds)), 5, seconds,
                    Math.round(targetRate * seconds), null, 1)
                    : new RecordedProfile.Closed(8, 5, seconds, null, 1);
            RunManifest m = RunManifest.load("fixture", "http-get", "http://127.0.0.1:8080/", profile, Map.of("users", "100"),
                    Instant.parse("2026-09-21T12:00:00.123456Z"), ORIGIN_MILLIS, targetRate, null,
                    new Tool("loadlab", "test", "0123456789ab", "gatling 3.15.1"));
            m = m.ended("2026-09-21T12:00:25Z", seconds, interrupted, null);
            RunFiles.write(dir.resolve(RunManifest.FILE), m);
            writeLogs(dir);
            if (!serverTimings.isEmpty()) writeServerTiming(dir);
            if (!faults.isEmpty()) new FaultLog(FaultLog.SCHEMA, faults).write(dir);
            if (verification != null) verification.write(dir);
            if (checks != null) RunFiles.write(dir.resolve(CheckLog.FILE), checks);
            RunDirectory.open(dir).writeSummary();
            if (serverMetrics) writeServerMetrics(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLogs(Path dir) throws IOException {
        try (Log lat = new Log(dir.resolve(RunDirectory.LATENCY)); Log svc = new Log(dir.resolve(RunDirectory.SERVICE));
             Log lag = new Log(dir.resolve(RunDirectory.LAG))) {
            for (int s = 0; s < seconds; s++) {
                if (silentSeconds.contains(s)) continue;
                long start = ORIGIN_MILLIS + s * 1000L;
                Histogram lagH = Histograms.empty();
                for (Map.Entry<String, Integer> e : perSecond.entrySet()) {
                    Histogram l = Histograms.empty();
                    Histogram v = Histograms.empty();
                    Histogram el = Histograms.empty();
                    Histogram ev = Histograms.empty();
                    for (int i = 0; i < e.getValue(); i++) {
                        long us = latency.us(s, e.getKey(), i);
                        long service = Math.max(1, Math.round(us * serviceShare));
                        lagH.recordValue(50 + i % 200);
                        if (errorEvery > 0 && i % errorEvery == errorEvery - 1) {
                            el.recordValue(us);
                            ev.recordValue(service);
                        } else {
                            l.recordValue(us);
                            v.recordValue(service);
                        }
                    }
                    lat.write(l, e.getKey(), start);
                    svc.write(v, e.getKey(), start);
                    String errorTag = RequestName.errorTag(e.getKey(), ErrorCause.HTTP_5XX);
                    lat.write(el, errorTag, start);
                    svc.write(ev, errorTag, start);
                }
                lag.write(lagH, null, start);
            }
        }
    }

    private void writeServerTiming(Path dir) throws IOException {
        try (Log log = new Log(dir.resolve(RunDirectory.SERVER_TIMING))) {
            long[] made = new long[serverTimings.size()];
            for (int s = 0; s < seconds; s++) {
                if (silentSeconds.contains(s)) continue;
                long start = ORIGIN_MILLIS + s * 1000L;
                for (int k = 0; k < serverTimings.size(); k++) {
                    String[] t = serverTimings.get(k);
                    Histogram h = Histograms.empty();
                    int n = perSecond.getOrDefault(t[0], 0);
                    for (int i = 0; i < n; i++) {
                        if (errorEvery > 0 && i % errorEvery == errorEvery - 1) continue;
                        h.recordValue(made[k]++ % 100 == 99 ? Long.parseLong(t[3]) : Long.parseLong(t[2]));
                    }
                    log.write(h, RequestName.timingTag(t[0], t[1]), start);
                }
                for (Map.Entry<String, Long> f : fanouts.entrySet()) {
                    Histogram h = Histograms.empty();
                    int n = perSecond.getOrDefault(f.getKey(), 0);
                    for (int i = 0; i < n; i++) if (errorEvery == 0 || i % errorEvery != errorEvery - 1) h.recordValue(f.getValue());
                    log.write(h, RequestName.fanoutTag(f.getKey()), start);
                }
            }
        }
    }

    /** One scrape a second: a counter at 10/s, a timer with a mean of 2 ms, a gauge that moves and one that does not. */
    private void writeServerMetrics(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = -1; s <= seconds; s++) {
            int k = s + 2;
            Map<String, Object> samples = new LinkedHashMap<>();
            samples.put("app_events_total", 10.0 * k);
            samples.put("app_work_seconds_count", 5.0 * k);
            samples.put("app_work_seconds_sum", 0.010 * k);
            samples.put("app_work_seconds_max", 0.004);
            samples.put("app_queue_depth", (double) (k % 7));
            samples.put("app_constant", 1.0);
            samples.put("jvm_gc_pause_seconds_count{gc=\"G1 Young Generation\"}", (double) k);
            samples.put("jvm_gc_pause_seconds_sum{gc=\"G1 Young Generation\"}", 0.003 * k);
            samples.put("jvm_gc_pause_seconds_max{gc=\"G1 Young Generation\"}", 0.005);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ts_ms", ORIGIN_MILLIS + s * 1000L);
            line.put("samples", samples);
            lines.add(RunFiles.JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(line));
            if (s == 3) lines.add("{\"ts_ms\": " + (ORIGIN_MILLIS + 3500) + ", \"error\": \"ConnectException: refused\"}");
        }
        Files.write(dir.resolve(RunFiles.SERVER_METRICS), lines, StandardCharsets.UTF_8);
    }

    /** An interval log written with HdrHistogram's own writer, as {@code IntervalLog} writes it. */
    private static final class Log implements AutoCloseable {
        final PrintStream out;
        final HistogramLogWriter writer;

        Log(Path file) throws IOException {
            out = new PrintStream(new FileOutputStream(file.toFile()), false, StandardCharsets.UTF_8);
            writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(ORIGIN_MILLIS);
            writer.setBaseTime(ORIGIN_MILLIS);
            writer.outputLegend();
        }

        void write(Histogram h, String tag, long startMillis) {
            if (h.getTotalCount() == 0) return;
            h.setStartTimeStamp(startMillis);
            h.setEndTimeStamp(startMillis + 1000);
            h.setTag(tag);
            writer.outputIntervalHistogram(h);
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
