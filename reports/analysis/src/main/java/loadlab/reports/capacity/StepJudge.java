package loadlab.reports.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import loadlab.recording.Micros;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.reports.metric.Metric;
import loadlab.recording.Percent;

/**
 * Judges one step of a capacity search from its run directory (read through {@code recording}).
 * In this order:
 * <ol>
 *   <li>a run that crashed, was stopped or counted nothing is INVALID;</li>
 *   <li>when the injector fell short of the offered load (it started requests late or produced
 *       less than 98% of the rate, so the run is INVALID, or more than 1% of arrivals waited for one
 *       of its connections, unless the target closed them: then the waits are its own), the step is still the target's FAIL if the target broke an SLO on
 *       service time (from the actual send) or the error budget: it failed under no more than the
 *       offered load. Otherwise it is INVALID: it describes the injector, and is never a knee;</li>
 *   <li>any SLO not met over the window is a FAIL;</li>
 *   <li>so is a response time still climbing: the median of the window's last third more than
 *       {@value #CLIMB_RATIO}× that of its first third and at least 1 ms above it. A backlog that
 *       grows fails a step even while the window's p99 is still in budget;</li>
 *   <li>otherwise PASS.</li>
 * </ol>
 */
public final class StepJudge {
    static final double MIN_ACHIEVED = 0.98;
    static final double MAX_BLOCKED_SHARE = 0.01;
    static final double CLIMB_RATIO = 1.5;
    static final long CLIMB_FLOOR_US = 1_000;

    private StepJudge() {}

    public static CapacityStep judge(RunDirectory run, int index, Double offeredPerS, Integer users, List<Slo> slos, String dir) {
        Summary summary = run.summary();
        Summary.Stats total = summary.total();
        Summary.Injector injector = summary.injector();
        Summary.Distribution latency = total.latencyUs();
        Summary.Distribution service = total.serviceTimeUs();
        double concurrency = total.throughput() * (service != null && service.count() > 0 ? service.mean() : latency.mean()) / 1e6;
        // a target that closes its connections makes arrivals wait for new ones: that is the target's cost, not the injector's limit
        boolean blocked = total.count() > 0 && injector.blockedCount() > MAX_BLOCKED_SHARE * total.count() && !injector.closedByTarget();
        String climbing = run.state() == RunState.COMPLETE ? climbing(run) : null;
        boolean steady = run.state() == RunState.COMPLETE && !blocked && climbing == null;
        StepVerdict verdict;
        String reason;
        List<String> broken = broken(slos, total, false);
        List<String> brokenOnService = broken(slos, total, true);
        String shortfall = shortfall(run, summary, offeredPerS, blocked);
        if (run.state() != RunState.COMPLETE && run.state() != RunState.INVALID) {
            verdict = StepVerdict.INVALID;
            reason = "the run is " + run.state().id() + ": " + run.stateReason();
        } else if (shortfall != null && !brokenOnService.isEmpty()) {
            verdict = StepVerdict.FAIL;
            reason = String.join("; ", brokenOnService) + " on service time, under no more than the offered load (" + shortfall + ")";
        } else if (shortfall != null) {
            verdict = StepVerdict.INVALID;
            reason = shortfall + ", while the target met the SLOs on the requests it was sent: this step describes the injector";
        } else if (!broken.isEmpty()) {
            verdict = StepVerdict.FAIL;
            reason = String.join("; ", broken);
        } else {
            verdict = climbing == null ? StepVerdict.PASS : StepVerdict.FAIL;
            reason = climbing == null ? "every SLO met" : climbing;
        }
        return new CapacityStep(index, offeredPerS, users, injector.achievedRate(), total.throughput(), latency.p50(), latency.p95(), latency.p99(),
                latency.p999(), latency.mean(), total.errorRate(), concurrency, injector.blockedCount(), steady, verdict, reason, dir);
    }

    /**
     * Why the injector did not deliver the offered load as intended, or null: it started requests
     * late or produced too few (the run is INVALID), or arrivals waited for a connection.
     */
    private static String shortfall(RunDirectory run, Summary summary, Double offeredPerS, boolean blocked) {
        Summary.Injector injector = summary.injector();
        if (run.state() == RunState.INVALID) return "the injector fell short: " + run.stateReason();
        if (offeredPerS != null && injector.achievedRate() < MIN_ACHIEVED * offeredPerS) {
            return String.format(Locale.ROOT, "the injector produced %.1f/s of the %.1f/s offered (below %.0f%%)", injector.achievedRate(),
                    offeredPerS, MIN_ACHIEVED * 100);
        }
        if (blocked) {
            return String.format(Locale.ROOT, "%d of %d arrivals waited for a connection (p99 %s): the injector's connection limit; "
                    + "raise --connections", injector.blockedCount(), summary.total().count(), Micros.text(injector.blockedP99Us()));
        }
        return null;
    }

    /** The SLOs not met, each as "p99 72.1 ms > 50ms"; on service time (from the actual send) when asked. */
    static List<String> broken(List<Slo> slos, Summary.Stats total, boolean serviceTime) {
        List<String> out = new ArrayList<>();
        for (Slo slo : slos) {
            Slo judged = serviceTime ? asServiceTime(slo) : slo;
            double v = judged.value(total);
            if (judged.holds(v)) continue;
            if (Double.isNaN(v)) out.add(slo.metric().id() + ": no successful request to time");
            else out.add(slo.metric().id() + " " + (slo.isErrorBudget() ? Percent.text(v)
                    : Micros.text(Math.round(v))) + " breaks " + slo.text());
        }
        return out;
    }

    private static Slo asServiceTime(Slo slo) {
        Metric m = switch (slo.metric()) {
            case P50 -> Metric.SERVICE_P50;
            case P90 -> Metric.SERVICE_P90;
            case P95 -> Metric.SERVICE_P95;
            case P99 -> Metric.SERVICE_P99;
            case P999, P9999, MAX -> Metric.SERVICE_P999;
            case MEAN -> Metric.SERVICE_MEAN;
            default -> slo.metric();
        };
        return new Slo(m, slo.inclusive(), slo.limit(), slo.text());
    }

    /** Null when the response time is level over the measured window, else a sentence on how it rose. */
    static String climbing(RunDirectory run) {
        long from = run.manifest().measureFromMillis();
        TreeMap<Long, Histogram> bySecond = new TreeMap<>();
        run.latency(e -> {
            if (e.failed() || e.startMillis() < from) return;
            bySecond.computeIfAbsent(e.startMillis(), k -> new Histogram(3)).add(e.histogram());
        });
        if (bySecond.size() < 3) return null;
        List<Histogram> seconds = new ArrayList<>(bySecond.values());
        int third = seconds.size() / 3;
        Histogram first = merged(seconds.subList(0, third));
        Histogram last = merged(seconds.subList(seconds.size() - third, seconds.size()));
        if (first.getTotalCount() == 0 || last.getTotalCount() == 0) return null;
        long a = first.getValueAtPercentile(50);
        long b = last.getValueAtPercentile(50);
        if (b > CLIMB_RATIO * a && b - a >= CLIMB_FLOOR_US) {
            return "response times still climbing: p50 " + Micros.text(a) + " in the first third of the window, " + Micros.text(b)
                    + " in the last (a backlog that grows)";
        }
        return null;
    }

    private static Histogram merged(List<Histogram> parts) {
        Histogram h = new Histogram(3);
        for (Histogram p : parts) h.add(p);
        return h;
    }
}
