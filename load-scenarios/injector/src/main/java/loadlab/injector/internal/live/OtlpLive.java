package loadlab.injector.internal.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.resources.Resource;

import loadlab.recording.Histograms;
import loadlab.recording.IntervalLog;
import loadlab.recording.RequestName;
import loadlab.recording.RunRecorder;

/**
 * Pushes a run's results while it runs, over OTLP/HTTP with the OpenTelemetry SDK's exporter: every
 * {@link LiveSpec#intervalMs} the interval logs' last seconds, added up, as delta-temporality
 * metrics: each request name's response times as a base-2 exponential histogram
 * ({@code loadlab.request.duration}, seconds), failures by cause ({@code loadlab.request.errors}),
 * start lag and time blocked for a connection ({@code loadlab.start_lag}, {@code loadlab.blocked}),
 * arrivals started ({@code loadlab.arrivals}) beside what an open schedule asked for per second
 * ({@code loadlab.target.rate}, a gauge each segment's share of which adds up to the whole), all
 * with the run's resource attributes. A push holds exactly the seconds the logs hold, so what a
 * backend adds up equals the {@code .hlog} counts.
 *
 * <p>A first push, {@code loadlab.runs.started}, goes out as the injector starts, before any load.
 * Pushing never holds the run back: ticks are handed to one sender thread through a queue of
 * {@value #QUEUE} batches; a batch that does not fit is dropped and counted, and a collector that is
 * slow or gone costs at most the exporter's timeout per batch, on that thread.
 */
public final class OtlpLive implements LiveSink {
    static final int QUEUE = 4;
    private static final AttributeKey<String> REQUEST = AttributeKey.stringKey(LiveMetric.REQUEST);
    private static final AttributeKey<String> CAUSE = AttributeKey.stringKey(LiveMetric.CAUSE);

    private final MetricExporter exporter;
    private final Resource resource;
    private final InstrumentationScopeInfo scope = InstrumentationScopeInfo.create("loadlab");
    private final long seconds;
    private final ScheduledRate schedule;
    private final String endpoint;
    private final BlockingQueue<List<MetricData>> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private final Map<String, Histogram> latency = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Histogram lag = Histograms.empty();
    private final Histogram blocked = Histograms.empty();
    private long arrivals;
    private long scheduled;
    private long startMillis = Long.MAX_VALUE;
    private long endMillis;
    private int ticks;

    /** The outcome at the end. */
    record Report(long sent, long failed, long dropped) {}

    /** @param schedule what an open schedule asks for each second; null for a closed model */
    public OtlpLive(LiveSpec spec, Map<String, String> resourceAttributes, ScheduledRate schedule) {
        this(OtlpHttpMetricExporter.builder().setEndpoint(spec.otlp()).setTimeout(Duration.ofSeconds(2)).setRetryPolicy(null).build(),
                spec, resourceAttributes, schedule);
    }

    OtlpLive(MetricExporter exporter, LiveSpec spec, Map<String, String> resourceAttributes, ScheduledRate schedule) {
        this.exporter = exporter;
        this.seconds = spec.intervalMs() / 1000;
        this.schedule = schedule;
        this.endpoint = spec.otlp();
        io.opentelemetry.api.common.AttributesBuilder attributes = Attributes.builder().put("service.name", "loadlab");
        resourceAttributes.forEach(attributes::put);
        this.resource = Resource.create(attributes.build());
        this.sender = new Thread(this::send, "loadlab-live-otlp");
        sender.setDaemon(true);
        sender.start();
        long now = System.currentTimeMillis() * 1_000_000;
        // the first push, before any load: says the run began, and loads and warms the exporter (its classes, the
        // connection) now rather than in the middle of the measured window
        queue.offer(List.of(new Metric(resource, scope, "loadlab.runs.started", "Runs (and segments) that began", "{run}", MetricDataType.LONG_SUM,
                SumData.createLongSumData(true, AggregationTemporality.DELTA, List.of(LongPointData.create(now, now, Attributes.empty(), 1))))));
    }

    @Override
    public synchronized void accept(IntervalLog.Tick tick) {
        for (RunRecorder.Interval i : tick.intervals()) {
            if (i.latency().getTotalCount() == 0) continue;
            if (RequestName.isErrorTag(i.tag())) {
                errors.merge(i.tag(), i.latency().getTotalCount(), Long::sum);
            } else {
                latency.computeIfAbsent(i.tag(), t -> Histograms.empty()).add(i.latency());
            }
        }
        if (tick.lag() != null) lag.add(tick.lag());
        if (tick.blocked() != null) blocked.add(tick.blocked());
        arrivals += tick.arrivals();
        if (schedule != null) scheduled += schedule.at(tick);
        startMillis = Math.min(startMillis, tick.startMillis());
        endMillis = Math.max(endMillis, tick.endMillis());
        if (++ticks >= seconds) push();
    }

    /** Hands what was added up since the last push to the sender; drops it, counted, when the sender is behind. */
    private void push() {
        if (ticks == 0 || startMillis == Long.MAX_VALUE) return;
        boolean idle = latency.isEmpty() && errors.isEmpty() && lag.getTotalCount() == 0 && blocked.getTotalCount() == 0 && arrivals == 0
                && scheduled == 0;
        if (!idle && !queue.offer(batch(startMillis * 1_000_000, endMillis * 1_000_000))) dropped.incrementAndGet();
        latency.clear();
        errors.clear();
        lag.reset();
        blocked.reset();
        arrivals = 0;
        scheduled = 0;
        startMillis = Long.MAX_VALUE;
        endMillis = 0;
        ticks = 0;
    }

    List<MetricData> batch(long start, long end) {
        List<MetricData> out = new ArrayList<>();
        List<ExponentialHistogramPointData> durations = new ArrayList<>();
        latency.forEach((tag, h) -> durations.add(ExponentialBuckets.point(h, 1e-6, start, end, Attributes.of(REQUEST, tag))));
        if (!durations.isEmpty()) out.add(exponential(LiveMetric.DURATION, durations));
        if (!errors.isEmpty()) {
            List<LongPointData> points = new ArrayList<>();
            errors.forEach((tag, n) -> points.add(LongPointData.create(start, end, Attributes.of(REQUEST, RequestName.requestOf(tag), CAUSE,
                    LiveMetric.causeOf(tag)), n)));
            out.add(metric(LiveMetric.ERRORS, MetricDataType.LONG_SUM, SumData.createLongSumData(true, AggregationTemporality.DELTA, points)));
        }
        if (lag.getTotalCount() > 0) out.add(exponential(LiveMetric.START_LAG, List.of(ExponentialBuckets.point(lag, 1e-6, start, end, Attributes.empty()))));
        if (blocked.getTotalCount() > 0) {
            out.add(exponential(LiveMetric.BLOCKED, List.of(ExponentialBuckets.point(blocked, 1e-6, start, end, Attributes.empty()))));
        }
        out.add(metric(LiveMetric.ARRIVALS, MetricDataType.LONG_SUM, SumData.createLongSumData(true, AggregationTemporality.DELTA,
                List.of(LongPointData.create(start, end, Attributes.empty(), arrivals)))));
        if (schedule != null && ticks > 0) { // the mean over the push's seconds
            out.add(metric(LiveMetric.TARGET_RATE, MetricDataType.DOUBLE_GAUGE, GaugeData.createDoubleGaugeData(
                    List.of(DoublePointData.create(start, end, Attributes.empty(), scheduled / (double) ticks, List.of())))));
        }
        return out;
    }

    private MetricData exponential(LiveMetric m, List<ExponentialHistogramPointData> points) {
        return metric(m, MetricDataType.EXPONENTIAL_HISTOGRAM, ExponentialHistogramData.create(AggregationTemporality.DELTA, points));
    }

    private MetricData metric(LiveMetric m, MetricDataType type, Data<?> data) {
        return new Metric(resource, scope, m.id, m.description, m.unit, type, data);
    }

    private void send() {
        while (true) {
            List<MetricData> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) return; // the end
            CompletableResultCode result = exporter.export(batch).join(5, TimeUnit.SECONDS);
            if (result.isSuccess()) sent.incrementAndGet();
            else failed.incrementAndGet();
        }
    }

    @Override
    public String finish(boolean runEnded) {
        Report r = drain();
        return String.format(Locale.ROOT, "live: %d pushes sent to %s%s", r.sent(), endpoint, r.failed() + r.dropped() == 0 ? ""
                : String.format(Locale.ROOT, "; %d failed and %d dropped (the collector was slow or gone; the run's own files hold everything)",
                        r.failed(), r.dropped()));
    }

    /** Pushes what is left, waits for the sender (a few seconds at most), and says what became of the batches. */
    synchronized Report drain() {
        push();
        try {
            queue.put(List.of());
            sender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exporter.shutdown().join(2, TimeUnit.SECONDS);
        return new Report(sent.get(), failed.get() + queue.size(), dropped.get());
    }

    /** One metric as the exporter takes it. */
    private record Metric(Resource getResource, InstrumentationScopeInfo getInstrumentationScopeInfo, String getName, String getDescription,
                          String getUnit, MetricDataType getType, Data<?> getData) implements MetricData {}
}
