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
        List<SeriesChange> out = new ArrayList<>();
        for (ChangePoint c : ChangePointDetection.detect(s.values(), settings).changePoints()) {
            HistoryPoint at = s.points().get(c.index());
            boolean worse = at.higherIsWorse() ? c.meanAfter() > c.meanBefore() : c.meanAfter() < c.meanBefore();
            out.add(new SeriesChange(s.testbed(), s.series(), s.metric(), c, at, worse));
        }
        return out;
    }
}
