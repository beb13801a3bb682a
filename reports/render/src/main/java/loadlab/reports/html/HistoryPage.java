package loadlab.reports.html;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import loadlab.recording.Percent;
import loadlab.reports.html.Page.Card;
import loadlab.reports.html.Page.Cell;
import loadlab.reports.html.Page.Row;
import loadlab.reports.html.Page.Table;

/**
 * {@code loadlab history report}: one self-contained page (the run report's style, script and
 * Content-Security-Policy) with a chart per series and metric: every point in commit order, its
 * interval where it has one, each segment's mean, and the change points marked with their commit.
 * It draws what it is given; the history and its detection are computed elsewhere.
 */
public final class HistoryPage {
    private HistoryPage() {}

    /** One point as the page shows it. */
    public record Point(String commit, Instant time, String run, double value, Double low, Double high) {}

    /** A change point: {@code index} is the first point of the new segment. */
    public record Change(int index, double meanBefore, double meanAfter, double forwardChange, double pValue, boolean regression) {}

    /** One series and metric. */
    public record Series(String testbed, String series, String metric, boolean time, boolean higherIsWorse, List<Point> points, List<Change> changes) {
        String title() {
            return series + " · " + metric + ("default".equals(testbed) ? "" : " · " + testbed);
        }
    }

    public static Path write(Path out, List<Series> series, String source) {
        RunReport.writeAtomically(out, html(series, source));
        return out;
    }

    static String html(List<Series> all, String source) {
        Map<String, Object> parts = new LinkedHashMap<>();
        long changes = all.stream().mapToLong(s -> s.changes().size()).sum();
        long regressions = all.stream().filter(s -> !s.changes().isEmpty() && s.changes().get(s.changes().size() - 1).regression()).count();
        parts.put("kind", "history");
        parts.put("title", "history of " + all.size() + " series");
        parts.put("subtitle", all.stream().mapToInt(s -> s.points().size()).sum() + " points · " + changes + " change points · E-Divisive means");
        parts.put("banners", regressions == 0 ? List.of() : List.of(new Page.Banner("bad", "REGRESSION.",
                regressions + " series' newest change point is a change for the worse.")));
        parts.put("cards", List.of(new Card("series", String.valueOf(all.size()), "testbed, series and metric", ""),
                new Card("change points", String.valueOf(changes), regressions + " series end in a regression", regressions > 0 ? "bad" : "good")));
        parts.put("hasCards", true);
        parts.put("tablesTop", List.of());
        List<Map<String, Object>> charts = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Series s = all.get(i);
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("index", i);
            chart.put("title", s.title());
            chart.put("table", s.changes().isEmpty() ? null : changeTable(i, s));
            charts.add(chart);
            data.add(data(s));
        }
        parts.put("historyCharts", charts);
        parts.put("tablesBottom", List.of());
        parts.put("notes", List.of("A change point is the first point whose segment's mean differs from the segment before it, with a "
                        + "pooled two-sample t-test p-value at most the one detection was given; the line steps at each segment's mean.",
                "Only complete runs are points here; interrupted and invalid runs stay in the history, flagged, and out of the charts."));
        parts.put("hasNotes", true);
        parts.put("generated", Instant.now().toString());
        parts.put("sources", source);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "history");
        doc.put("runs", List.of());
        doc.put("history", data);
        return ReportPage.render(parts, doc);
    }

    private static Map<String, Object> data(Series s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", s.title());
        d.put("time", s.time());
        d.put("labels", s.points().stream().map(p -> (p.commit() == null ? p.run() : p.commit().substring(0, Math.min(8, p.commit().length())))).toList());
        d.put("values", s.points().stream().map(Point::value).toList());
        d.put("lows", s.points().stream().map(Point::low).toList());
        d.put("highs", s.points().stream().map(Point::high).toList());
        List<Double> means = new ArrayList<>();
        int from = 0;
        List<Integer> cuts = new ArrayList<>(s.changes().stream().map(Change::index).toList());
        cuts.add(s.points().size());
        for (int cut : cuts) {
            double sum = 0;
            for (int k = from; k < cut; k++) sum += s.points().get(k).value();
            for (int k = from; k < cut; k++) means.add(sum / (cut - from));
            from = cut;
        }
        d.put("means", means);
        d.put("changes", s.changes().stream().map(c -> Map.of("index", c.index(), "regression", c.regression(),
                "label", Percent.signed(c.forwardChange()) + (c.regression() ? " (regression)" : ""))).toList());
        return d;
    }

    private static Table changeTable(int i, Series s) {
        List<Row> rows = new ArrayList<>();
        for (Change c : s.changes()) {
            Point at = s.points().get(c.index());
            rows.add(Row.of(Cell.num(String.valueOf(c.index())), Cell.code(at.commit() == null ? "-" : at.commit()), Cell.text(at.time().toString()),
                    Cell.text(at.run()), Cell.num(number(c.meanBefore())), Cell.num(number(c.meanAfter())),
                    new Cell(Percent.signed(c.forwardChange()), c.regression() ? "bad" : "good"), Cell.num(String.format(Locale.ROOT, "%.2g", c.pValue()))));
        }
        return new Table("history-changes-" + i, "Change points", null, List.of("point", "commit", "commit time", "run", "mean before",
                "mean after", "change", "p-value"), rows);
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
