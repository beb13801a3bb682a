package loadlab.reports.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import loadlab.reports.format.Figures;
import loadlab.reports.format.BenchScore;
import loadlab.recording.RecordedProfile;
import loadlab.recording.RunManifest;
import loadlab.recording.BenchSummary;
import loadlab.reports.html.Page.BenchGroup;
import loadlab.reports.html.Page.Card;
import loadlab.reports.html.Page.Cell;
import loadlab.reports.html.Page.ContextTable;
import loadlab.reports.html.Page.Row;
import loadlab.reports.html.Page.Table;

/**
 * The report of a bench run, or two overlaid: every benchmark with JMH's confidence interval,
 * grouped by subject (the benchmark class) and by what the score measures, so that rows on one
 * axis are comparable; for two runs, the change of each score and whether the intervals overlap.
 */
final class BenchReport {
    private BenchReport() {}

    /** A chart's rows: one subject and one kind of score. */
    private record Group(String subject, BenchScore scale, List<String> keys, Map<String, String> labels) {}

    static String html(List<BenchRunView> runs) {
        boolean compare = runs.size() > 1;
        BenchRunView a = runs.get(0);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("kind", compare ? "comparison of two bench runs" : "bench run");
        parts.put("title", compare ? a.label() + "  vs  " + runs.get(1).label() : a.label());
        parts.put("subtitle", "JMH microbenchmarks · " + settings(a.summary()) + " · started " + Figures.instant(a.manifest().started()));
        List<Card> cards = new ArrayList<>();
        for (BenchRunView r : runs) {
            String who = compare ? (r == a ? "A " : "B ") : "";
            cards.add(new Card(who + "benchmarks", String.valueOf(r.summary().benchmarks().size()), settings(r.summary()), ""));
            if (!r.summary().skipped().isEmpty()) {
                cards.add(new Card(who + "skipped", String.valueOf(r.summary().skipped().size()), String.join("; ", r.summary().skipped()), "bad"));
            }
        }
        parts.put("cards", cards);
        parts.put("hasCards", true);
        parts.put("banners", List.of());
        parts.put("tablesTop", List.of());
        parts.put("load", false);

        List<Group> groups = groups(runs);
        List<BenchGroup> rendered = new ArrayList<>();
        List<Map<String, Object>> dataGroups = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Row> tableRows = new ArrayList<>();
            for (String key : g.keys()) {
                List<Double> scores = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                List<BenchSummary.Result> results = new ArrayList<>();
                for (BenchRunView r : runs) {
                    BenchSummary.Result res = find(r, key);
                    results.add(res);
                    scores.add(res == null ? null : g.scale().base(res.score()));
                    errors.add(res == null || res.error() == null ? null : g.scale().base(res.error()));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("label", g.labels().get(key));
                row.put("scores", scores);
                row.put("errors", errors);
                rows.add(row);
                tableRows.add(compare ? compareRow(g, g.labels().get(key), results) : singleRow(g, g.labels().get(key), results.get(0)));
            }
            Map<String, Object> dg = new LinkedHashMap<>();
            dg.put("subject", g.subject());
            dg.put("kind", g.scale().kind());
            dg.put("unit", g.scale().unit());
            dg.put("rows", rows);
            dataGroups.add(dg);
            List<String> head = compare ? List.of("benchmark", "A", "B", "change", "intervals")
                    : List.of("benchmark", "mode", "score ± 99.9% interval", "interval", "forks × iterations", "as JMH wrote it");
            Table table = new Table(null, null, null, head, tableRows);
            int height = 70 + g.keys().size() * (compare ? 44 : 30);
            rendered.add(new BenchGroup(i, title(g, groups), height, table));
        }
        parts.put("benchGroups", rendered);
        parts.put("tablesBottom", List.of(context(runs)));
        List<String> notes = List.of("Scores are JMH's mean with its 99.9% confidence interval (Student's t over all measured iterations of all "
                + "forks); a benchmark with a single measured iteration has no interval. Times are per operation, lower is better; "
                + "throughputs are operations per second, higher is better.");
        parts.put("notes", notes);
        parts.put("hasNotes", true);
        parts.put("generated", Instant.now().toString());
        parts.put("sources", String.join(" and ", runs.stream().map(BenchRunView::label).toList()));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "bench");
        data.put("runs", runs.stream().map(r -> Map.of("label", r.label())).toList());
        data.put("bench", Map.of("groups", dataGroups));
        return ReportPage.render(parts, data);
    }

    private static String settings(BenchSummary s) {
        RecordedProfile.Bench st = s.settings();
        if (st == null) return "settings not recorded";
        return st.setting() + ": " + st.forks() + (st.forks() == 1 ? " fork × (" : " forks × (") + st.warmupIterations() + " warm-up + "
                + st.measurementIterations() + " measured) iterations of " + st.iterationSeconds() + " s";
    }

    /** Subjects in the order first seen; within a subject one group per kind of score. */
    private static List<Group> groups(List<BenchRunView> runs) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (BenchRunView r : runs) {
            for (BenchSummary.Result res : r.summary().benchmarks()) {
                BenchScore scale = BenchScore.of(res.unit());
                String id = BenchRunView.subject(res) + "|" + scale.kind() + ("other".equals(scale.kind()) ? "|" + res.unit() : "");
                Group g = groups.computeIfAbsent(id, k -> new Group(BenchRunView.subject(res), scale, new ArrayList<>(), new LinkedHashMap<>()));
                String key = key(res);
                if (!g.labels().containsKey(key)) {
                    g.keys().add(key);
                    g.labels().put(key, BenchRunView.rowLabel(res));
                }
            }
        }
        return new ArrayList<>(groups.values());
    }

    private static String key(BenchSummary.Result r) {
        return r.benchmark() + " " + r.params() + " " + r.mode();
    }

    private static BenchSummary.Result find(BenchRunView r, String key) {
        return r.summary().benchmarks().stream().filter(res -> key(res).equals(key)).findFirst().orElse(null);
    }

    private static String title(Group g, List<Group> all) {
        long sameSubject = all.stream().filter(o -> o.subject().equals(g.subject())).count();
        if (sameSubject == 1) return g.subject();
        return g.subject() + " · " + switch (g.scale().kind()) {
            case "time" -> "time per operation";
            case "rate" -> "throughput";
            default -> g.scale().unit();
        };
    }

    private static Row singleRow(Group g, String label, BenchSummary.Result r) {
        String interval = r.error() == null || r.score() == 0 ? "n/a"
                : String.format(Locale.ROOT, "±%.1f%%", Math.abs(r.error() / r.score()) * 100);
        int iterations = r.iterations() == null ? 0 : r.iterations().stream().mapToInt(List::size).sum();
        String shape = r.iterations() == null || r.iterations().isEmpty() ? "" : r.iterations().size() + " × " + iterations / r.iterations().size();
        return Row.of(Cell.text(label), Cell.key(r.mode()), Cell.num(g.scale().text(r.score(), r.error())), Cell.num(interval), Cell.num(shape),
                Cell.num(BenchScore.sig(r.score()) + (r.error() == null ? "" : " ± " + BenchScore.alike(r.error(), r.score())) + " " + r.unit()));
    }

    private static Row compareRow(Group g, String label, List<BenchSummary.Result> rs) {
        BenchSummary.Result a = rs.get(0);
        BenchSummary.Result b = rs.get(1);
        String textA = a == null ? "absent" : g.scale().text(a.score(), a.error());
        String textB = b == null ? "absent" : g.scale().text(b.score(), b.error());
        if (a == null || b == null) return Row.of(Cell.text(label), Cell.num(textA), Cell.num(textB), new Cell("n/a", "same"), Cell.num(""));
        boolean higherIsWorse = a.higherIsWorse();
        boolean overlap = a.error() == null || b.error() == null
                || Math.max(a.score() - a.error(), b.score() - b.error()) <= Math.min(a.score() + a.error(), b.score() + b.error());
        String css = overlap ? "same" : Figures.changeCss(a.score(), b.score(), higherIsWorse, 0);
        return Row.of(Cell.text(label), Cell.num(textA), Cell.num(textB), new Cell(Figures.change(a.score(), b.score()), css),
                Cell.num(a.error() == null || b.error() == null ? "no interval" : overlap ? "overlap" : "apart"));
    }

    private static Table context(List<BenchRunView> runs) {
        ContextTable rows = new ContextTable(runs.size());
        for (BenchRunView r : runs) {
            RunManifest m = r.manifest();
            rows.put("run", r.label());
            rows.put("include", m.profile() instanceof RecordedProfile.Bench b ? b.include() : "");
            rows.put("settings", settings(r.summary()));
            rows.put("started", m.started());
            rows.put("ended", m.ended() == null ? "did not end normally" : m.ended());
            rows.put("JMH", r.jvm().getOrDefault("jmh", ""));
            rows.put("forked JVM", r.jvm().getOrDefault("jvm", ""));
            rows.put("JDK", r.jvm().getOrDefault("jdk", ""));
            rows.put("JVM arguments", r.jvm().getOrDefault("jvm_args", ""));
            rows.put("threads", r.jvm().getOrDefault("threads", ""));
            rows.put("tool", Figures.tool(m.tool()));
            Map<String, Object> env = m.environment() == null ? Map.of() : m.environment();
            rows.put("OS", String.valueOf(env.getOrDefault("os", "")));
            rows.put("CPUs", String.valueOf(env.getOrDefault("cpus", "")));
            rows.put("host", String.valueOf(env.getOrDefault("host", "")));
        }
        return rows.table("What ran, in which JVM, on which machine.");
    }
}
