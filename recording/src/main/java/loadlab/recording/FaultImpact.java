package loadlab.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What each fault did, from the run's own interval histograms: p99, error rate and throughput
 * before, during and after its window, and how long after it ended the target was back to its
 * before-window figures. All times are seconds on the measured timeline.
 *
 * <p>Before is the fault's own length (at least {@value #MIN_WINDOW_S} s) just before it starts,
 * after the same just after it ends, each cut at the neighbouring faults and at the run's edges.
 * Recovered means {@value #STABLE_S} seconds in a row whose p99 (of those seconds together) is
 * within {@value #P99_FACTOR}× and whose throughput is within {@value #THROUGHPUT_SHARE_PCT}% of the
 * before-window's; null when that never happens before the run ends (or there is no before-window
 * to compare with). Seconds are the injector's intervals, cut on the measured timeline's seconds.
 */
public final class FaultImpact {
    static final int MIN_WINDOW_S = 10;
    static final int STABLE_S = 5;
    static final double P99_FACTOR = 1.2;
    static final int THROUGHPUT_SHARE_PCT = 5;

    /** Per-second figures of the measured timeline, from the response-time log. */
    public static final class Seconds {
        private final TreeMap<Integer, Histogram> ok = new TreeMap<>();
        private final TreeMap<Integer, long[]> counts = new TreeMap<>(); // {ok, failed}
        private final long originMillis;

        public Seconds(long measureFromMillis) {
            this.originMillis = measureFromMillis;
        }

        public void add(IntervalLogReader.Entry e) {
            if (e.endMillis() <= originMillis) return;
            int s = (int) Math.max(0, e.slot(originMillis, 1));
            long[] c = counts.computeIfAbsent(s, k -> new long[2]);
            if (e.failed()) c[1] += e.histogram().getTotalCount();
            else {
                c[0] += e.histogram().getTotalCount();
                ok.computeIfAbsent(s, k -> Histograms.empty()).add(e.histogram());
            }
        }

        Summary.FaultWindow window(int from, int to) {
            if (to <= from) return null;
            Histogram h = Histograms.empty();
            long okCount = 0;
            long failed = 0;
            for (int s = from; s < to; s++) {
                Histogram x = ok.get(s);
                if (x != null) h.add(x);
                long[] c = counts.get(s);
                if (c != null) {
                    okCount += c[0];
                    failed += c[1];
                }
            }
            long all = okCount + failed;
            return new Summary.FaultWindow(from, to, h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99),
                    all == 0 ? 0 : Math.round(failed * 1e6 / all) / 1e6, Math.round(all * 10.0 / (to - from)) / 10.0);
        }
    }

    private FaultImpact() {}

    /** One entry per fault that started; {@code measuredSeconds} is where the timeline ends. */
    public static List<Summary.FaultEffect> of(FaultLog log, Seconds seconds, double measuredSeconds) {
        List<Summary.FaultEffect> out = new ArrayList<>();
        int runEnd = (int) Math.floor(measuredSeconds);
        List<FaultLog.Fault> started = log.faults().stream().filter(f -> f.startedS() != null).toList();
        for (int i = 0; i < started.size(); i++) {
            FaultLog.Fault f = started.get(i);
            double endS = f.endedS() != null ? f.endedS() : measuredSeconds;
            int start = (int) Math.floor(f.startedS());
            int end = Math.min(runEnd, (int) Math.ceil(endS));
            int length = Math.max(MIN_WINDOW_S, end - start);
            int previousEnd = 0;
            int nextStart = runEnd;
            for (FaultLog.Fault other : started) {
                if (other == f) continue;
                int otherStart = (int) Math.floor(other.startedS());
                int otherEnd = other.endedS() == null ? runEnd : (int) Math.ceil(other.endedS());
                if (otherEnd <= start) previousEnd = Math.max(previousEnd, otherEnd);
                if (otherStart >= end) nextStart = Math.min(nextStart, otherStart);
            }
            Summary.FaultWindow before = seconds.window(Math.max(previousEnd, start - length), start);
            Summary.FaultWindow during = seconds.window(start, Math.max(start + 1, end));
            Summary.FaultWindow after = seconds.window(end, Math.min(nextStart, end + length));
            out.add(new Summary.FaultEffect(f.name(), f.kind(), f.target(), f.startedS(), f.endedS(), before, during, after,
                    recovery(seconds, before, end, runEnd)));
        }
        return out;
    }

    /**
     * The first second after the fault's end from which {@value #STABLE_S} seconds in a row, taken
     * together, have p99 within {@value #P99_FACTOR}x and throughput within
     * {@value #THROUGHPUT_SHARE_PCT}% (either way: a backlog draining is not recovered) of the
     * before-window. Together, not second by second: the p99 of one second's hundred requests is
     * nearly its maximum, and would hold a recovered target to a stricter bar than its own past.
     */
    private static Double recovery(Seconds seconds, Summary.FaultWindow before, int end, int runEnd) {
        if (before == null || before.p99Us() == null || before.throughputPerS() == 0) return null;
        for (int s = end; s + STABLE_S <= runEnd; s++) {
            Summary.FaultWindow next = seconds.window(s, s + STABLE_S);
            boolean back = next.p99Us() != null && next.p99Us() <= P99_FACTOR * before.p99Us()
                    && Math.abs(next.throughputPerS() - before.throughputPerS()) <= THROUGHPUT_SHARE_PCT / 100.0 * before.throughputPerS();
            if (back) return (double) (s - end);
        }
        return null;
    }
}
