package loadlab.injector.internal.live;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import loadlab.recording.IntervalLog;
import loadlab.recording.RequestName;
import loadlab.recording.RunRecorder;

/**
 * Serves a run's results while it runs for Prometheus to scrape, through Micrometer: each request
 * name's response times as a cumulative histogram with fixed buckets
 * ({@code loadlab_request_duration_seconds_bucket}), failures by cause, start lag and time blocked,
 * arrivals and the schedule's target rate, with the run's labels. Buckets and counts add up over
 * segments (sum by {@code le}); no percentile is ever served as a gauge.
 *
 * <p>Every value in a second of the interval logs is recorded at the top of its HdrHistogram bucket,
 * as the OTLP output places it, so a bucket's count is the logs' count of values at or below its
 * bound. The registry is updated as each second is written; after the run the endpoint stays up
 * until one scrape has read the last second, or {@link LiveSpec#intervalMs} has passed.
 */
public final class PrometheusLive implements LiveSink {
    private static final Duration LOWEST = Duration.ofNanos(10_000);
    private static final Duration HIGHEST = Duration.ofSeconds(120);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private final LiveSpec spec;
    private final ScheduledRate schedule;
    private final Map<String, Timer> durations = new HashMap<>();
    private final Map<String, Counter> errors = new HashMap<>();
    private final Timer lag;
    private final Timer blocked;
    private final Counter arrivals;
    private final AtomicLong target = new AtomicLong();
    private final Object lock = new Object();
    private long updates;
    private long scrapedUpTo;
    private long scrapes;

    /**
     * Listens at once, before any load.
     *
     * @param schedule what an open schedule asks for each second; null for a closed model
     */
    public PrometheusLive(LiveSpec spec, Map<String, String> labels, ScheduledRate schedule) {
        this.spec = spec;
        this.schedule = schedule;
        labels.forEach((k, v) -> registry.config().commonTags(k, v));
        lag = histogram(LiveMetric.START_LAG, null);
        blocked = histogram(LiveMetric.BLOCKED, null);
        arrivals = Counter.builder(LiveMetric.ARRIVALS.id).description(LiveMetric.ARRIVALS.description).register(registry);
        if (schedule != null) {
            // the unit as Prometheus names it, as an OpenTelemetry Collector turns {arrival}/s into it
            Gauge.builder(LiveMetric.TARGET_RATE.id, target, AtomicLong::get).description(LiveMetric.TARGET_RATE.description).baseUnit("per_second")
                    .register(registry);
        }
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(spec.prometheusHost(), spec.prometheusPort()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("--live prometheus cannot listen at " + spec.prometheusUrl() + ": " + e.getMessage(), e);
        }
        server.createContext(LiveSpec.PROMETHEUS_PATH, this::scrape);
        server.start();
    }

    private Timer histogram(LiveMetric m, String request) {
        Timer.Builder b = Timer.builder(m.id).description(m.description).publishPercentileHistogram().minimumExpectedValue(LOWEST)
                .maximumExpectedValue(HIGHEST);
        if (request != null) b.tag(LiveMetric.REQUEST, request);
        return b.register(registry);
    }

    @Override
    public void accept(IntervalLog.Tick tick) {
        synchronized (lock) {
            for (RunRecorder.Interval i : tick.intervals()) {
                if (i.latency().getTotalCount() == 0) continue;
                if (RequestName.isErrorTag(i.tag())) {
                    errors.computeIfAbsent(i.tag(), t -> Counter.builder(LiveMetric.ERRORS.id).description(LiveMetric.ERRORS.description)
                            .tag(LiveMetric.REQUEST, RequestName.requestOf(t)).tag(LiveMetric.CAUSE, LiveMetric.causeOf(t))
                            .register(registry)).increment(i.latency().getTotalCount());
                } else {
                    record(durations.computeIfAbsent(i.tag(), t -> histogram(LiveMetric.DURATION, t)), i.latency());
                }
            }
            if (tick.lag() != null) record(lag, tick.lag());
            if (tick.blocked() != null) record(blocked, tick.blocked());
            arrivals.increment(tick.arrivals());
            if (schedule != null) target.set(schedule.at(tick));
            updates++;
        }
    }

    /** Each count at the top of its HdrHistogram bucket (microseconds), as {@link ExponentialBuckets} places it. */
    private static void record(Timer timer, Histogram h) {
        for (HistogramIterationValue v : h.recordedValues()) {
            long micros = h.highestEquivalentValue(v.getValueIteratedTo());
            for (long n = v.getCountAtValueIteratedTo(); n > 0; n--) timer.record(micros, TimeUnit.MICROSECONDS);
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            long served;
            synchronized (lock) {
                body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                served = updates;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            synchronized (lock) {
                scrapes++;
                scrapedUpTo = Math.max(scrapedUpTo, served);
                lock.notifyAll();
            }
        }
    }

    /** Waits, at most one interval, for a scrape that reads the run's last second, then stops listening. */
    @Override
    public String finish(boolean runEnded) {
        boolean last;
        long served;
        synchronized (lock) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spec.intervalMs());
            try {
                while (runEnded && scrapedUpTo < updates) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last = scrapedUpTo >= updates;
            served = scrapes;
        }
        server.stop(0);
        registry.close();
        return String.format(Locale.ROOT, "live: %d scrapes served at %s%s", served, spec.prometheusUrl(), last ? ""
                : String.format(Locale.ROOT, "; none read the last seconds within %d s of the end (the run's own files hold everything)",
                        spec.intervalMs() / 1000));
    }
}
