package loadlab.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import loadlab.service.fault.Block;
import loadlab.service.fault.FaultPlan;
import loadlab.service.fault.ProcessStall;
import loadlab.service.http.AdminApi;
import loadlab.service.http.AdmissionGate;
import loadlab.service.http.Api;
import loadlab.service.http.HttpFrontEnd;
import loadlab.service.http.Router;
import loadlab.service.http.TimelineApi;
import loadlab.service.seed.Seeder;
import loadlab.service.timeline.CelebritySet;
import loadlab.service.timeline.DerivedDataRepair;
import loadlab.service.timeline.EventOutbox;
import loadlab.service.timeline.FanoutWorker;
import loadlab.service.timeline.IndexWorker;
import loadlab.service.timeline.ReadPath;
import loadlab.service.timeline.StreamWorker;
import loadlab.service.timeline.TimelineRebuild;
import loadlab.service.timeline.WorkerGate;
import loadlab.service.timeline.WritePath;
import loadlab.service.verify.ConvergenceTracker;
import loadlab.service.verify.Verifier;

/**
 * The running reference service: building blocks behind their fault-and-timer boundary, seeded
 * data, derived data rebuilt from the system of record at start, the stream consumers, and the HTTP
 * API. {@link #start} returns once it answers requests; {@link #close} stops it.
 */
public final class ReferenceService implements AutoCloseable {
    private final ServiceConfig config;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FaultPlan faults;
    private final ProcessStall stall = new ProcessStall();
    private final ConvergenceTracker tracker = new ConvergenceTracker(ReferenceService::nowMicros);
    private final Blocks raw;
    private final Blocks blocks;
    private final CelebritySet celebrities;
    private final WorkerGate gate = new WorkerGate();
    private final EventOutbox outbox;
    private final DerivedDataRepair repair;
    private final FanoutWorker fanout;
    private final IndexWorker indexer;
    private final ReadPath reads;
    private final WritePath writes;
    private final TimelineRebuild rebuild;
    private final Verifier verifier;
    private final Api api;
    private final HttpFrontEnd http;
    private final Seeder.Report seeded;
    private final TimelineRebuild.Report built;

    private ReferenceService(ServiceConfig config) throws Exception {
        this.config = config;
        this.faults = new FaultPlan(config.faultRandom(), config.sleeper());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.raw = BlockFactory.open(config);
        try {
            this.blocks = BlockFactory.instrument(raw, faults, registry);
            this.celebrities = new CelebritySet(config.celebrityThreshold());
            this.seeded = new Seeder().seed(raw.store(), config.seed(), nowMicros());
            this.rebuild = new TimelineRebuild(blocks, config.strategy(), celebrities, gate);
            this.built = rebuild.run();
            this.outbox = new EventOutbox(blocks.stream());
            this.repair = new DerivedDataRepair(rebuild, tracker, ReferenceService::nowMicros, registry);
            this.fanout = new FanoutWorker(blocks, config.strategy(), celebrities, tracker, gate, stall, repair, ReferenceService::nowMicros, registry);
            this.indexer = new IndexWorker(blocks.stream(), blocks.index(), tracker, gate, stall, repair);
            this.reads = new ReadPath(blocks, config.strategy(), celebrities, registry, config.readFanout());
            this.writes = new WritePath(blocks, outbox, tracker, ReferenceService::nowMicros);
            this.verifier = new Verifier(blocks, reads, tracker, this::pendingEvents);
            registerGauges();

            Router publicRoutes = new Router();
            new TimelineApi(reads, writes, blocks.store(), blocks.index(), this::health, registry::scrape).register(publicRoutes);
            Router adminRoutes = new Router();
            new AdminApi(faults, stall, rebuild, verifier).register(adminRoutes);
            AdmissionGate admission = new AdmissionGate(config.maxInFlight(), config.maxQueueDelay().toNanos());
            this.api = new Api(publicRoutes, adminRoutes, admission, stall, registry);
            this.http = new HttpFrontEnd(api, config.host(), config.port(), config.httpThreads(), config.bodyTimeout());
            fanout.start();
            indexer.start();
            http.start();
        } catch (Exception | Error e) {
            raw.close();
            throw e;
        }
    }

    public static ReferenceService start(ServiceConfig config) throws Exception {
        return new ReferenceService(config);
    }

    private void registerGauges() {
        Gauge.builder("fanout.queue.depth", fanout, w -> safeBacklog(w)).description("Events the fan-out worker has not applied").register(registry);
        Gauge.builder("index.queue.depth", indexer, w -> safeBacklog(w)).description("Events the indexer has not applied").register(registry);
        Gauge.builder("outbox.pending", outbox, EventOutbox::pending).description("Events waiting for the stream to accept them").register(registry);
        Gauge.builder("convergence.pending", tracker, ConvergenceTracker::notYetConverged).register(registry);
        Gauge.builder("convergence.oldest.pending", tracker, t -> t.oldestPendingMicros() / 1e6).baseUnit("seconds").register(registry);
        Gauge.builder("timeline.celebrities", celebrities, CelebritySet::size).register(registry);
        for (StreamWorker worker : List.of(fanout, indexer)) {
            Gauge.builder("stream.consumer.failing", worker, w -> w.failure(0).isPresent() ? 1 : 0).tag("consumer", worker.name())
                    .description("1 while this consumer cannot apply events (it retries until it can)").register(registry);
        }
        Gauge.builder("service.degraded", this, s -> s.degradedReasons().isEmpty() ? 0 : 1)
                .description("1 while /health says degraded: a block down, a stall, or derived data behind or not being applied").register(registry);
    }

    private static double safeBacklog(StreamWorker worker) {
        try {
            return worker.backlog();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    /** Events not yet applied everywhere; a backlog that cannot be read counts as pending. */
    private long pendingEvents() {
        // the outbox first: an event leaves it only after the stream has it, so it is counted somewhere
        long waiting = outbox.pending();
        double fan = safeBacklog(fanout);
        double idx = safeBacklog(indexer);
        if (Double.isNaN(fan) || Double.isNaN(idx)) return Math.max(1, waiting);
        return waiting + (long) fan + (long) idx;
    }

    /** Derived data older than this and not yet applied everywhere makes the service degraded. */
    static final Duration BEHIND = Duration.ofSeconds(5);
    private static final long WORKER_FAILING_NANOS = Duration.ofSeconds(1).toNanos();

    /** Why the service is not fully well, each in one sentence; empty when it is. Never calls a block. */
    List<String> degradedReasons() {
        List<String> reasons = new ArrayList<>();
        for (Block b : Block.values()) {
            if (faults.isDown(b)) reasons.add(b.id() + " is down (injected fault)");
        }
        if (stall.active()) reasons.add("the process is stalled (injected)");
        repair.inProgress().ifPresent(reasons::add);
        fanout.failure(WORKER_FAILING_NANOS).ifPresent(reasons::add);
        indexer.failure(WORKER_FAILING_NANOS).ifPresent(reasons::add);
        int waiting = outbox.pending();
        if (waiting > 0) reasons.add(waiting + " events wait for the stream to accept them");
        long behindMicros = tracker.oldestPendingMicros();
        if (behindMicros > BEHIND.toNanos() / 1_000) {
            reasons.add(String.format(Locale.ROOT, "derived data is %.1f s behind: %d posts are not yet in every timeline and the index",
                    behindMicros / 1e6, tracker.notYetConverged()));
        }
        return reasons;
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        Map<String, String> states = new LinkedHashMap<>();
        for (Block b : Block.values()) {
            states.put(b.id(), faults.isDown(b) ? "down" : faults.snapshot().containsKey(b) ? "faulty" : "up");
        }
        List<String> reasons = degradedReasons();
        h.put("status", reasons.isEmpty() ? "ok" : "degraded");
        h.put("reasons", reasons);
        h.put("strategy", config.strategy().id());
        h.put("timeline_window", config.timelineWindow());
        h.put("celebrity_threshold", config.celebrityThreshold());
        h.put("celebrities", celebrities.size());
        h.put("blocks", states);
        return h; // never calls a block: health must answer at once even when one is slow
    }

    /** Waits until every event published so far has been applied by both consumers. */
    public boolean awaitConverged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingEvents() > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) return false;
            fanout.awaitCaughtUp(Duration.ofNanos(Math.min(remaining, 50_000_000)));
        }
        return true;
    }

    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public int port() {
        return http.port();
    }

    /** Where the server really listens, as host:port ({@code *:8080} means every interface, IPv4 and IPv6). */
    public String listenAddress() {
        String host = http.boundHost();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** A URL a client on this machine can use: the listen address, or loopback when it listens on every interface. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0")) host = "127.0.0.1";
        if (host.equals("[::]") || host.equals("[::0]")) host = "[::1]";
        return URI.create("http://" + host + ":" + port());
    }

    public ServiceConfig config() { return config; }
    public MeterRegistry registry() { return registry; }
    public Api api() { return api; }
    public Blocks blocks() { return blocks; }
    public ReadPath reads() { return reads; }
    public WritePath writes() { return writes; }
    public TimelineRebuild rebuild() { return rebuild; }
    public Verifier verifier() { return verifier; }
    public FaultPlan faults() { return faults; }
    public ProcessStall stall() { return stall; }
    public Seeder.Report seeded() { return seeded; }
    public TimelineRebuild.Report built() { return built; }

    @Override
    public void close() {
        http.close();
        reads.close();
        stall.clear();
        fanout.close();
        indexer.close();
        outbox.close();
        raw.close();
        registry.close();
    }
}
