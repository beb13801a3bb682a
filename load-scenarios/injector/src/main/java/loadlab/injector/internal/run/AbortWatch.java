package loadlab.injector.internal.run;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

import loadlab.recording.Histograms;
import loadlab.recording.IntervalLog;
import loadlab.recording.Micros;
import loadlab.recording.RequestName;
import loadlab.recording.RequestNamePattern;
import loadlab.recording.RunRecorder;
import loadlab.recording.Percent;
import loadlab.recording.RequestHistograms;

/**
 * Judges an {@link AbortPlan} every second on the last seconds of interval histograms (the same
 * ones written to the logs) and says, once, why the run must stop. Nothing is judged until a whole
 * window of the measured run has passed: the warm-up is never counted, and one slow second alone
 * does not stop a run whose window is longer. A window without a successful request has no time
 * to judge (its error rate does).
 */
final class AbortWatch {
    private final AbortPlan plan;
    private final LongSupplier measureFromMillis;
    private final Consumer<String> onBreach;
    private final ArrayDeque<List<RunRecorder.Interval>> window = new ArrayDeque<>();
    private boolean breached;

    AbortWatch(AbortPlan plan, LongSupplier measureFromMillis, Consumer<String> onBreach) {
        this.plan = plan;
        this.measureFromMillis = measureFromMillis;
        this.onBreach = onBreach;
    }

    synchronized void tick(IntervalLog.Tick tick) {
        if (breached) return;
        long from = measureFromMillis.getAsLong();
        if (from == Long.MAX_VALUE) return;
        window.addLast(tick.intervals());
        while (window.size() > plan.windowSeconds()) window.removeFirst();
        if (tick.endMillis() - from < plan.windowSeconds() * 1000L - 500 || window.size() < plan.windowSeconds()) return;
        for (AbortPlan.Rule rule : plan.rules()) {
            String why = judge(rule);
            if (why != null) {
                breached = true;
                onBreach.accept(why);
                return;
            }
        }
    }

    /** Why the rule does not hold over the window, or null. */
    String judge(AbortPlan.Rule rule) {
        RequestNamePattern names = RequestHistograms.ALL.equals(rule.request()) ? null : RequestNamePattern.of(rule.request());
        Histogram ok = Histograms.empty();
        long failed = 0;
        for (List<RunRecorder.Interval> second : window) {
            for (RunRecorder.Interval i : second) {
                boolean error = RequestName.isErrorTag(i.tag());
                String name = error ? RequestName.requestOf(i.tag()) : i.tag();
                if (names != null && !names.matches(name)) continue;
                if (error) failed += i.latency().getTotalCount();
                else ok.add(rule.measure() == AbortPlan.Measure.SERVICE ? i.service() : i.latency());
            }
        }
        long all = ok.getTotalCount() + failed;
        double value;
        String shown;
        switch (rule.measure()) {
            case ERROR_RATE -> {
                if (all == 0) return null;
                value = (double) failed / all;
                shown = Percent.text(value);
            }
            case THROUGHPUT -> {
                value = (double) all / plan.windowSeconds();
                shown = String.format(Locale.ROOT, "%.1f/s", value);
            }
            default -> {
                if (ok.getTotalCount() == 0) return null;
                double p = rule.percentile();
                value = Double.isNaN(p) ? ok.getMean() : p >= 100 ? ok.getMaxValue() : ok.getValueAtPercentile(p);
                shown = Micros.text(Math.round(value));
            }
        }
        if (rule.holds(value)) return null;
        return "stopped by --abort-on: " + rule.text() + " broke over the last " + plan.windowSeconds() + " s (" + shown + ", "
                + (RequestHistograms.ALL.equals(rule.request()) ? RequestHistograms.describe(rule.request()) : "request " + rule.request()) + ")";
    }
}
