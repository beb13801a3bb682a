package loadlab.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import loadlab.reports.changes.ChangePoint;
import loadlab.reports.changes.ChangePointDetection;
import loadlab.reports.changes.DetectionSettings;

/**
 * Change points of stored series: each testbed, series and metric on its own, over its complete
 * runs only (an interrupted or invalid run is kept in the store but would be a false step here),
 * optionally on one branch.
 */
public final class HistoryChanges {
    private HistoryChanges() {}

    /** A series' counted points in order, as detection reads them. */
    public record Series(String testbed, String series, String metric, List<HistoryPoint> points) {
        public double[] values() {
            return points.stream().mapToDouble(HistoryPoint::value).toArray();
        }
    }

    /** @param branch only points of this branch, or null for all */
    public static List<Series> series(List<HistoryPoint> points, String branch) {
        Map<String, List<HistoryPoint>> by = new LinkedHashMap<>();
        for (HistoryPoint p : points) {
            if (!p.counts() || branch != null && !branch.equals(p.branch())) continue;
            by.computeIfAbsent(p.testbed() + "\u0000" + p.series() + "\u0000" + p.metric(), k -> new ArrayList<>()).add(p);
        }
        List<Series> out = new ArrayList<>();
        for (List<HistoryPoint> ps : by.values()) out.add(new Series(ps.get(0).testbed(), ps.get(0).series(), ps.get(0).metric(), List.copyOf(ps)));
        return out;
    }

    public static List<SeriesChange> detect(Series s, DetectionSettings settings) {
        return changes(s, ChangePointDetection.detect(s.values(), settings).changePoints());
    }

    /**
     * Detection that continues from the store's last one when the series only grew at its end (the
     * point it ended at is still where it was): the split step re-tests only the tail, Otava's
     * "append". The weak points are kept for the next time.
     */
    public static List<SeriesChange> detect(Series s, DetectionSettings settings, HistoryStore store) {
        String key = settings.window() + "/" + settings.maxPValue() + "/" + settings.minMagnitude();
        HistoryStore.WeakPoints before = store.weakPoints(s.testbed(), s.series(), s.metric(), key);
        double[] values = s.values();
        boolean grew = before != null && before.points() <= values.length && before.points() > 0
                && s.points().get(before.points() - 1).runId().equals(before.lastRun());
        ChangePointDetection.Detection d = grew
                ? ChangePointDetection.append(values, before.indexes().stream().map(i -> new ChangePoint(i, 1, 0, 0, 0, 0)).toList(),
                values.length - before.points(), settings)
                : ChangePointDetection.detect(values, settings);
        store.keepWeakPoints(s.testbed(), s.series(), s.metric(), key, new HistoryStore.WeakPoints(values.length,
                s.points().get(values.length - 1).runId(), d.weak().stream().map(ChangePoint::index).toList()));
        return changes(s, d.changePoints());
    }

    /** Every counted series of {@code points} with its change points, in order, each continuing from the store's last detection. */
    public static Map<Series, List<SeriesChange>> detectAll(List<HistoryPoint> points, DetectionSettings settings, HistoryStore store) {
        Map<Series, List<SeriesChange>> out = new LinkedHashMap<>();
        for (Series s : series(points, null)) out.put(s, detect(s, settings, store));
        return out;
    }

    private static List<SeriesChange> changes(Series s, List<ChangePoint> found) {
        List<SeriesChange> out = new ArrayList<>();
        for (ChangePoint c : found) {
            HistoryPoint at = s.points().get(c.index());
            boolean worse = at.higherIsWorse() ? c.meanAfter() > c.meanBefore() : c.meanAfter() < c.meanBefore();
            out.add(new SeriesChange(s.testbed(), s.series(), s.metric(), c, at, worse));
        }
        return out;
    }
}
