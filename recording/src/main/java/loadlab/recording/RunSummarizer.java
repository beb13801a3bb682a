package loadlab.recording;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * Computes {@code summary.json} from a run's manifest and its interval logs added up, and decides
 * the run's {@link RunState} (a bench run's too, {@link #benchState}): the only place either is
 * decided. A finished run, an interrupted one, a run whose summary was lost and runs merged from
 * several injectors all go through here.
 */
public final class RunSummarizer {
    /** Below this share of the target rate the generator did not produce the load it claims. */
    public static final double MIN_ACHIEVED_SHARE = 0.95;
    /** Above this 99th-percentile start lag the schedule was not kept, microseconds. */
    public static final long MAX_LAG_P99_US = 10_000;

    private RunSummarizer() {}

    /**
     * @param latency response times per request name, every interval added up
     * @param service service times likewise
     * @param lag     the injector's start lag, every interval added up
     * @param blocked how long requests waited for a free connection, every interval added up (empty on engines without a limit)
     */
    public static Summary summarize(RunManifest m, RequestHistograms latency, RequestHistograms service, Histogram lag, Histogram blocked) {
        return summarize(m, latency, service, lag, blocked, null, null, null);
    }

    /**
     * @param faults  the run's faults.json, or null
     * @param seconds the response-time log per second of the measured timeline (needed with faults)
     * @param checks  the run's checks.json, or null
     */
    public static Summary summarize(RunManifest m, RequestHistograms latency, RequestHistograms service, Histogram lag, Histogram blocked,
                                    FaultLog faults, FaultImpact.Seconds perSecond, CheckLog checks) {
        double seconds = m.measuredSeconds() > 0 ? m.measuredSeconds() : spanSeconds(m, latency);
        Map<String, Summary.Stats> requests = new LinkedHashMap<>();
        for (String name : latency.names()) requests.put(name, stats(name, latency, service, seconds, checks));
        Summary.Stats total = stats(RequestHistograms.ALL, latency, service, seconds, checks);
        Summary.Injector injector = injector(m, total, lag, blocked, seconds);
        RunState state;
        String reason;
        if (m.stoppedEarly()) {
            state = RunState.INTERRUPTED;
            reason = interruption(m, total, seconds);
        } else if (total.count() == 0) {
            state = RunState.EMPTY;
            reason = "nothing was counted: no request completed in the measured window";
        } else if (injector.verdict() == InjectorVerdict.INVALID) {
            state = RunState.INVALID;
            reason = injector.reason();
        } else {
            state = RunState.COMPLETE;
            reason = null;
        }
        return new Summary(Summary.SCHEMA, new Summary.Run(m.scenario(), m.target(), m.profile(), m.model(), m.started(), m.ended(),
                round(seconds), m.stoppedEarly(), state, reason), injector, total, requests,
                faults == null ? null : FaultImpact.of(faults, perSecond, seconds), null, null);
    }

    /** A bench run's state: complete once JMH has ended, interrupted when it stopped early; its scores are JMH's own, with no verdict on the load. */
    static RunState benchState(RunManifest m) {
        return m.stoppedEarly() ? RunState.INTERRUPTED : RunState.COMPLETE;
    }

    private static String interruption(RunManifest m, Summary.Stats total, double seconds) {
        String when;
        if (m.ended() == null) when = "the injector stopped without finishing its files (it was killed, or its machine stopped)";
        else if (seconds == 0 && total.count() == 0) when = "interrupted during the warm-up; nothing was counted";
        else when = String.format(Locale.ROOT, "interrupted after %.1f s of %d s measured", seconds, m.profile().totalSeconds()
                - warmup(m.profile()));
        return m.failure() == null ? when : when + ": " + m.failure();
    }

    private static long warmup(RecordedProfile p) {
        if (p instanceof RecordedProfile.Open o) return o.warmupS();
        if (p instanceof RecordedProfile.Closed c) return c.warmupS();
        return 0;
    }

    private static Summary.Stats stats(String name, RequestHistograms latency, RequestHistograms service, double seconds, CheckLog checks) {
        Map<String, Long> byCause = new TreeMap<>();
        latency.failures(name).forEach((cause, n) -> byCause.put(cause.id(), n));
        long failed = latency.failedCount(name);
        long ok = latency.okCount(name);
        long count = ok + failed;
        double throughput = seconds > 0 ? round(count / seconds) : 0;
        double errorRate = count == 0 ? 0 : Math.round(failed * 1e6 / count) / 1e6;
        return new Summary.Stats(count, ok, new Summary.Errors(failed, byCause), errorRate, throughput,
                Summary.Distribution.of(latency.ok(name)), Summary.Distribution.of(service.ok(name)),
                Summary.Distribution.of(latency.failed(name)), checks == null ? null : checks.of(name));
    }

    /**
     * The achieved rate is of the same thing as the target: arrivals (users started, one lag record
     * each) in an open model, where a journey may send several requests per arrival and requests per
     * second would overstate it; requests where no arrival was recorded (a closed model, JMH).
     */
    private static Summary.Injector injector(RunManifest m, Summary.Stats total, Histogram lag, Histogram blocked, double seconds) {
        boolean arrivals = m.model() == RunModel.OPEN && lag.getTotalCount() > 0;
        long done = arrivals ? lag.getTotalCount() : total.count();
        double achieved = seconds > 0 ? round(done / seconds) : 0;
        long lagP99 = lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99);
        InjectorVerdict verdict = InjectorVerdict.OK;
        String reason = null;
        String advice = "; lower the rate, split it over more injectors with --segment K/N, or move the target off the generator's cores";
        if (m.targetRate() != null && m.targetRate() > 0 && achieved < MIN_ACHIEVED_SHARE * m.targetRate()) {
            verdict = InjectorVerdict.INVALID;
            reason = String.format(Locale.ROOT, "the generator achieved %.1f/s of the %.1f/s target (below %.0f%%)", achieved,
                    m.targetRate(), MIN_ACHIEVED_SHARE * 100) + advice;
        } else if (lagP99 > MAX_LAG_P99_US) {
            verdict = InjectorVerdict.INVALID;
            reason = "the generator started requests late: lag p99 " + Micros.text(lagP99) + " (above " + Micros.text(MAX_LAG_P99_US) + ")"
                    + advice;
        }
        boolean anyBlocked = blocked.getTotalCount() > 0;
        RunManifest.Connections c = m.connections();
        boolean closedByTarget = c != null && closedByTarget(c, total.count());
        return new Summary.Injector(m.targetRate(), achieved, arrivals ? "arrivals" : "requests", total.throughput(), lagP99, lag.getTotalCount() == 0 ? 0 : lag.getMaxValue(), verdict, reason,
                blocked.getTotalCount(), anyBlocked ? blocked.getValueAtPercentile(99) : 0, anyBlocked ? blocked.getMaxValue() : 0,
                c == null ? null : c.opened(), closedByTarget);
    }

    /**
     * A keep-alive target costs the pool once; one that closes connections costs about one per
     * request. More than the pool plus one for every ten requests counted is the target's closing.
     */
    static boolean closedByTarget(RunManifest.Connections c, long requests) {
        return requests > 0 && c.opened() > c.limit() + Math.max(10, requests / 10);
    }

    /** A run that never wrote its end: the span its intervals cover. */
    private static double spanSeconds(RunManifest m, RequestHistograms latency) {
        if (latency.isEmpty()) return 0;
        return Math.max(0, (latency.endMillis() - m.measureFromMillis()) / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
