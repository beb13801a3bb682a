package loadlab.reports.metric;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import loadlab.recording.Summary;

/**
 * What a gate check measures, and which way is worse. Latencies, error rates and lag get worse as
 * they rise; throughput and the achieved rate as they fall; a JMH score by its unit (time per
 * operation rises, operations per time fall).
 */
public enum Metric {
    P50("p50", Kind.LATENCY, 50),
    P90("p90", Kind.LATENCY, 90),
    P95("p95", Kind.LATENCY, 95),
    P99("p99", Kind.LATENCY, 99),
    P999("p99.9", Kind.LATENCY, 99.9),
    P9999("p99.99", Kind.LATENCY, 99.99),
    MAX("max", Kind.LATENCY, 100),
    MEAN("mean", Kind.LATENCY, Double.NaN),
    SERVICE_P50("service-p50", Kind.SERVICE, 50),
    SERVICE_P90("service-p90", Kind.SERVICE, 90),
    SERVICE_P95("service-p95", Kind.SERVICE, 95),
    SERVICE_P99("service-p99", Kind.SERVICE, 99),
    SERVICE_P999("service-p99.9", Kind.SERVICE, 99.9),
    SERVICE_MEAN("service-mean", Kind.SERVICE, Double.NaN),
    ERROR_RATE("error-rate", Kind.ERRORS, Double.NaN),
    THROUGHPUT("throughput", Kind.THROUGHPUT, Double.NaN),
    ACHIEVED_RATE("achieved-rate", Kind.ACHIEVED, Double.NaN),
    SCORE("score", Kind.BENCH, Double.NaN),
    SUSTAINABLE_RATE("sustainable-rate", Kind.CAPACITY, Double.NaN),
    RECOVERY_TIME("recovery-time", Kind.RECOVERY, Double.NaN),
    ERROR_RATE_DURING_FAULTS("error-rate-during-faults", Kind.FAULT_ERRORS, Double.NaN),
    LOST_WRITES("lost-writes", Kind.LOST_WRITES, Double.NaN),
    /** A percentile of one {@code Server-Timing} entry's durations (the target's own account of a backend call), with {@code entry}. */
    SERVER_TIMING_P50("server-timing-p50", Kind.SERVER_TIMING, 50),
    SERVER_TIMING_P95("server-timing-p95", Kind.SERVER_TIMING, 95),
    SERVER_TIMING_P99("server-timing-p99", Kind.SERVER_TIMING, 99),
    SERVER_TIMING_MAX("server-timing-max", Kind.SERVER_TIMING, 100),
    /** Failed evaluations of the checks a workload wrote (Gatling's, or a request file's), per request name or all. */
    CHECK_FAILURES("check-failures", Kind.CHECKS, Double.NaN);

    /** What a metric is read from. */
    public enum Kind { LATENCY, SERVICE, ERRORS, THROUGHPUT, ACHIEVED, BENCH, CAPACITY, RECOVERY, FAULT_ERRORS, LOST_WRITES, CHECKS, SERVER_TIMING }

    /**
     * Whether the metric is judged against a limit only, never a baseline: faults, verification,
     * checks, and {@code Server-Timing} entries (read from the summary, not re-sampled in time blocks).
     */
    public boolean absoluteOnly() {
        return ofFaults() || kind == Kind.CHECKS || kind == Kind.SERVER_TIMING;
    }

    /** Whether the metric is read from a run's faults and verification rather than its requests: absolute checks only. */
    public boolean ofFaults() {
        return kind == Kind.RECOVERY || kind == Kind.FAULT_ERRORS || kind == Kind.LOST_WRITES;
    }

    private final String id;
    private final Kind kind;
    private final double percentile;

    Metric(String id, Kind kind, double percentile) {
        this.id = id;
        this.kind = kind;
        this.percentile = percentile;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The percentile a latency metric reads (100 for max), NaN for the others. */
    public double percentile() {
        return percentile;
    }

    /** For every metric but a JMH score (whose direction depends on its unit): does a higher value mean worse? */
    public boolean higherIsWorse() {
        return kind != Kind.THROUGHPUT && kind != Kind.ACHIEVED && kind != Kind.CAPACITY;
    }

    /**
     * The metric as a run's summary states it for one request name: what a report prints beside a
     * gate's verdict on the same metric. NaN for a time of a name with no successful request.
     *
     * @throws IllegalArgumentException for a metric a summary's request stats do not hold
     */
    public double of(Summary.Stats stats) {
        return switch (kind) {
            case LATENCY -> read(stats.latencyUs());
            case SERVICE -> read(stats.serviceTimeUs().count() > 0 ? stats.serviceTimeUs() : stats.latencyUs());
            case ERRORS -> stats.count() == 0 ? 0 : (double) stats.errors().total() / stats.count();
            case THROUGHPUT -> stats.throughput();
            case ACHIEVED, BENCH, CAPACITY, RECOVERY, FAULT_ERRORS, LOST_WRITES, CHECKS, SERVER_TIMING ->
                    throw new IllegalArgumentException("metric " + id + " is not a figure of a request name's stats");
        };
    }

    /** A percentile (or the max) of a distribution as the summary states it; NaN when it holds nothing. */
    public double read(Summary.Distribution d) {
        if (d.count() == 0) return Double.NaN;
        if (Double.isNaN(percentile)) return d.mean();
        if (percentile == 100) return d.max();
        if (percentile == 99.99) return d.p9999();
        if (percentile == 99.9) return d.p999();
        if (percentile == 99) return d.p99();
        if (percentile == 95) return d.p95();
        if (percentile == 90) return d.p90();
        if (percentile == 50) return d.p50();
        throw new IllegalStateException("a summary states no p" + percentile);
    }

    public static Metric parse(String text, String where) {
        if (text == null) throw new IllegalArgumentException(where + " has no metric; add one of " + known());
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Metric m : values()) if (m.id.equals(t)) return m;
        throw new IllegalArgumentException(where + ": unknown metric '" + text + "'; use one of " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", "));
    }
}
