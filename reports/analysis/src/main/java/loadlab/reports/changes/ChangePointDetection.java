package loadlab.reports.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * E-Divisive means with Otava's two steps (Fleming et al., "Hunter: Using Change Point Detection to
 * Hunt for Performance Regressions", ICPE 2023):
 *
 * <ol>
 *   <li><b>Split</b>: windows of {@link DetectionSettings#window()} points, advancing by half a
 *       window (or to the last change point found); in each, the best split by {@link EnergyStatistic}
 *       is kept while its t-test passes the looser first-pass p-value, then split again. The union
 *       over all windows is the set of "weak" change points.</li>
 *   <li><b>Merge</b>: the weakest point (the largest p-value, or once all pass, the smallest
 *       magnitude) is removed, and its neighbours re-tested against their new segments, until every
 *       point passes both the p-value and the magnitude.</li>
 * </ol>
 *
 * <p>One difference from Otava 0.7, on purpose: after removing a point, Otava re-tests the point
 * after it and the one after that, so the point before keeps stats computed against a segment that
 * no longer ends there; here the points either side are re-tested.
 *
 * <p>{@link #append} re-tests only the tail when points were added, as Otava's incremental mode
 * does, starting from the last weak point at least four windows back.
 */
public final class ChangePointDetection {
    private ChangePointDetection() {}

    /** The change points found, and the weak ones of the split step (what {@link #append} continues from). */
    public record Detection(List<ChangePoint> changePoints, List<ChangePoint> weak) {}

    public static Detection detect(double[] series, DetectionSettings settings) {
        return run(series, settings, 0, List.of());
    }

    /**
     * Detection after {@code added} points were appended to a series whose previous detection left
     * {@code previousWeak}: the same result as {@link #detect} in all but rare cases, re-testing only
     * the tail.
     */
    public static Detection append(double[] series, List<ChangePoint> previousWeak, int added, DetectionSettings settings) {
        int step = Math.max(1, settings.window() / 2);
        double maxStart = series.length - ((double) added / settings.window() + 4) * settings.window();
        int start = 0;
        for (ChangePoint c : previousWeak) if (c.index() < maxStart) start = c.index();
        for (int s = 0; s < series.length; s += step) if (s < maxStart && start < s) start = s;
        return run(series, settings, start, previousWeak);
    }

    private static Detection run(double[] series, DetectionSettings settings, int start, List<ChangePoint> keep) {
        List<ChangePoint> weak = split(series, settings, start, keep);
        List<ChangePoint> merged = merge(new ArrayList<>(weak), series, settings);
        return new Detection(List.copyOf(merged), List.copyOf(weak));
    }

    private static List<ChangePoint> split(double[] series, DetectionSettings s, int start, List<ChangePoint> keep) {
        int step = Math.max(1, s.window() / 2);
        List<Integer> found = new ArrayList<>();
        for (ChangePoint c : keep) if (!found.contains(c.index())) found.add(c.index());
        while (start < series.length) {
            int end = Math.min(start + s.window(), series.length);
            List<Integer> inWindow = inWindow(series, start, end, s.firstPassPValue());
            int last = inWindow.isEmpty() ? 0 : inWindow.get(inWindow.size() - 1);
            start = Math.max(last, start + step);
            for (int i : inWindow) if (!found.contains(i)) found.add(i);
        }
        found.sort(Comparator.naturalOrder());
        List<ChangePoint> out = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            out.add(PooledTTest.between(series, k == 0 ? 0 : found.get(k - 1), found.get(k), k + 1 < found.size() ? found.get(k + 1) : series.length));
        }
        return out;
    }

    /** Change points of {@code series[start, end)}, as absolute indexes in order: split while the best split passes. */
    private static List<Integer> inWindow(double[] series, int start, int end, double pValue) {
        double[] z = Arrays.copyOfRange(series, start, end);
        EnergyStatistic energy = new EnergyStatistic(z);
        List<Integer> points = new ArrayList<>();
        while (true) {
            int bestTau = -1, from = 0, to = 0;
            double bestQ = Double.NEGATIVE_INFINITY;
            for (int k = 0; k <= points.size(); k++) {
                int a = k == 0 ? 0 : points.get(k - 1), b = k == points.size() ? z.length : points.get(k);
                if (b - a < 2) continue;
                double[] c = energy.best(a, b);
                if (c[1] > bestQ) {
                    bestQ = c[1];
                    bestTau = (int) c[0];
                    from = a;
                    to = b;
                }
            }
            if (bestTau < 0 || PooledTTest.between(z, from, bestTau, to).pValue() > pValue) break;
            points.add(bestTau);
            points.sort(Comparator.naturalOrder());
        }
        List<Integer> out = new ArrayList<>(points.size());
        for (int p : points) out.add(p + start);
        return out;
    }

    private static List<ChangePoint> merge(List<ChangePoint> points, double[] series, DetectionSettings s) {
        while (!points.isEmpty()) {
            int weakest = 0;
            for (int i = 1; i < points.size(); i++) if (points.get(i).pValue() > points.get(weakest).pValue()) weakest = i;
            if (points.get(weakest).pValue() < s.maxPValue()) {
                weakest = 0;
                for (int i = 1; i < points.size(); i++) if (points.get(i).magnitude() < points.get(weakest).magnitude()) weakest = i;
                if (points.get(weakest).magnitude() > s.minMagnitude()) return points;
            }
            points.remove(weakest);
            retest(points, weakest - 1, series);
            retest(points, weakest, series);
        }
        return points;
    }

    private static void retest(List<ChangePoint> points, int k, double[] series) {
        if (k < 0 || k >= points.size()) return;
        int from = k == 0 ? 0 : points.get(k - 1).index(), to = k + 1 < points.size() ? points.get(k + 1).index() : series.length;
        points.set(k, PooledTTest.between(series, from, points.get(k).index(), to));
    }
}
