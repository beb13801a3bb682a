package loadlab.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A history in the formats of the tools users already run, so loadlab's points can go where their
 * dashboards and alerts are:
 *
 * <ul>
 *   <li><b>Apache Otava's CSV</b>: one row per run in commit-time order, {@code time,commit} then one
 *       column per series and metric (Otava's {@code attributes: [commit]}, {@code metrics: [...]}).</li>
 *   <li><b>Bencher Metric Format</b>: one run's points as {@code {benchmark: {measure: {value,
 *       lower_value, upper_value}}}}, benchmark = series, measure = metric.</li>
 *   <li><b>github-action-benchmark</b>'s custom format: one run's points as {@code [{name, unit,
 *       value, range, extra}]}, of one direction only, since the action takes
 *       {@code customSmallerIsBetter} or {@code customBiggerIsBetter} per file.</li>
 * </ul>
 */
public final class HistoryExport {
    private HistoryExport() {}

    /** The formats {@code history export --format} takes. */
    public enum Format {
        OTAVA_CSV("otava-csv"), BENCHER_JSON("bencher-json"), GITHUB_ACTION_BENCHMARK("github-action-benchmark");

        private final String id;

        Format(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Format parse(String text) {
            for (Format f : values()) if (f.id.equals(text)) return f;
            throw new IllegalArgumentException("--format '" + text + "' is not one of otava-csv, bencher-json, github-action-benchmark");
        }
    }

    /** Otava's CSV of the counted points: a row per run, a column per series and metric, an empty cell where a run lacks one. */
    public static String otavaCsv(List<HistoryPoint> points) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, List<HistoryPoint>> runs = new LinkedHashMap<>();
        List<HistoryPoint> sorted = new ArrayList<>(points.stream().filter(HistoryPoint::counts).toList());
        sorted.sort((a, b) -> a.commitTime().compareTo(b.commitTime()));
        for (HistoryPoint p : sorted) {
            columns.putIfAbsent(column(p), columns.size());
            runs.computeIfAbsent(p.runId(), k -> new ArrayList<>()).add(p);
        }
        StringBuilder out = new StringBuilder("time,commit");
        for (String c : columns.keySet()) out.append(',').append(csv(c));
        out.append('\n');
        for (List<HistoryPoint> run : runs.values()) {
            String[] cells = new String[columns.size()];
            for (HistoryPoint p : run) cells[columns.get(column(p))] = number(p.value());
            out.append(run.get(0).commitTime()).append(',').append(csv(run.get(0).commit() == null ? run.get(0).runId() : run.get(0).commit()));
            for (String cell : cells) out.append(',').append(cell == null ? "" : cell);
            out.append('\n');
        }
        return out.toString();
    }

    /** Bencher Metric Format of one run's points. */
    public static Map<String, Map<String, Map<String, Double>>> bencher(List<HistoryPoint> run) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        for (HistoryPoint p : run) {
            Map<String, Double> metric = new LinkedHashMap<>();
            metric.put("value", p.value());
            if (p.low() != null) metric.put("lower_value", p.low());
            if (p.high() != null) metric.put("upper_value", p.high());
            out.computeIfAbsent(p.series(), k -> new LinkedHashMap<>()).put(p.metric(), metric);
        }
        return out;
    }

    /** github-action-benchmark's custom entries of one run's points whose direction is {@code biggerIsBetter}. */
    public static List<Map<String, Object>> githubActionBenchmark(List<HistoryPoint> run, boolean biggerIsBetter) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HistoryPoint p : run) {
            if (p.higherIsWorse() == biggerIsBetter) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", p.series() + " " + p.metric());
            e.put("unit", unit(p.metric()));
            e.put("value", p.value());
            if (p.low() != null && p.high() != null) e.put("range", "± " + number((p.high() - p.low()) / 2));
            e.put("extra", "testbed " + p.testbed() + (p.commit() == null ? "" : "; commit " + p.commit()) + "; run " + p.runId());
            out.add(e);
        }
        return out;
    }

    /** The points of the newest run among {@code points} (the latest commit time; of those, the last added). */
    public static List<HistoryPoint> newestRun(List<HistoryPoint> points) {
        HistoryPoint newest = null;
        for (HistoryPoint p : points) if (newest == null || !p.commitTime().isBefore(newest.commitTime())) newest = p;
        if (newest == null) return List.of();
        String id = newest.runId();
        return points.stream().filter(p -> p.runId().equals(id)).toList();
    }

    private static String unit(String metric) {
        return switch (metric) {
            case "throughput", "sustainable-rate" -> "1/s";
            case "error-rate" -> "ratio";
            case "score" -> "score";
            default -> "us";
        };
    }

    private static String column(HistoryPoint p) {
        return p.testbed() + " " + p.series() + " " + p.metric();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
