package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.history.HistoryChanges;
import loadlab.history.HistoryExport;
import loadlab.history.HistoryPoint;
import loadlab.history.HistoryStore;
import loadlab.history.Provenance;
import loadlab.history.RunPoints;
import loadlab.history.SeriesChange;
import loadlab.recording.Percent;
import loadlab.recording.RunFiles;
import loadlab.recording.RunState;
import loadlab.reports.changes.DetectionSettings;
import loadlab.reports.html.HistoryPage;
import loadlab.reports.metric.Metric;

/** {@code loadlab history}: results kept over many commits, and the change points in them. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Keep run results over many commits (SQLite by default, PostgreSQL for a team) and find change points in them "
                + "with E-Divisive means, as Apache Otava does.",
        subcommands = {HistoryCommand.Add.class, HistoryCommand.Show.class, HistoryCommand.Detect.class, HistoryCommand.Export.class,
                HistoryCommand.Report.class},
        footer = {"", "Example:", "  loadlab history add runs/latest", "  loadlab history detect --series 'load:*'", "  loadlab history export --format otava-csv --metric p99 --out p99.csv"})
public final class HistoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the history is: shared by every subcommand. */
    static final class Db {
        @Option(names = "--db", paramLabel = "PATH|URI", description = "An SQLite file (default ${DEFAULT-VALUE}) or postgres://user@host:5432/db[?schema=NAME].",
                defaultValue = HistoryStore.DEFAULT_FILE)
        String db;
    }

    /** Which points: shared by show, detect, export and report. */
    static final class Selection {
        @Option(names = "--series", paramLabel = "GLOB", description = "Only series matching this glob, e.g. 'load:timeline/*'.")
        String series;
        @Option(names = "--metric", paramLabel = "M", description = "Only this metric, e.g. p99.")
        String metric;
        @Option(names = "--branch", paramLabel = "B", description = "Only points of this branch.")
        String branch;

        List<HistoryPoint> from(HistoryStore store) {
            return store.points(series, metric).stream().filter(p -> branch == null || branch.equals(p.branch())).toList();
        }

        String describe() {
            return (series == null ? "" : " in series '" + series + "'") + (metric == null ? "" : " of metric " + metric)
                    + (branch == null ? "" : " on branch " + branch);
        }
    }

    /** How change points are looked for: shared by detect and report. */
    static final class Detection {
        @Option(names = "--window", paramLabel = "N", defaultValue = "50", description = "Points per sliding window (default ${DEFAULT-VALUE}).")
        int window;
        @Option(names = "--max-pvalue", paramLabel = "P", defaultValue = "0.001", description = "Largest p-value of a change point (default ${DEFAULT-VALUE}).")
        double maxPValue;
        @Option(names = "--min-magnitude", paramLabel = "R", defaultValue = "0.0",
                description = "Smallest relative change of a change point, e.g. 0.05 for 5%% (default ${DEFAULT-VALUE}).")
        double minMagnitude;

        DetectionSettings settings() {
            return new DetectionSettings(window, maxPValue, minMagnitude);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add run directories (load runs, bench runs, capacity searches) to the history: one point per series and metric. "
                    + "Commit, branch and commit time default to the git checkout's HEAD.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories, or a capacity search's directory.")
        List<Path> runs;
        @Option(names = "--branch", paramLabel = "B", description = "The branch measured (default: the checkout's).")
        String branch;
        @Option(names = "--commit", paramLabel = "SHA", description = "The commit measured (default: the checkout's HEAD).")
        String commit;
        @Option(names = "--commit-time", paramLabel = "T", description = "When that commit was made, ISO-8601 (default: the checkout's HEAD's).")
        String commitTime;
        @Option(names = "--testbed", paramLabel = "NAME", description = "Where it ran; series of different testbeds never mix (default ${DEFAULT-VALUE}).",
                defaultValue = Provenance.DEFAULT_TESTBED)
        String testbed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Provenance git = commit != null && branch != null && commitTime != null ? null : Provenance.ofCheckout(Path.of("").toAbsolutePath(), testbed);
            Instant time = commitTime != null ? Provenance.time(commitTime, "--commit-time") : git == null ? null : git.commitTime();
            if (time == null) {
                throw new IllegalArgumentException("this is not a git checkout, so loadlab cannot tell the commit time; pass --commit-time "
                        + "(and --commit, --branch), e.g. --commit-time 2026-12-04T08:00:00Z");
            }
            Provenance where = new Provenance(commit != null ? commit : git == null ? null : git.commit(),
                    branch != null ? branch : git == null ? null : git.branch(), time, testbed);
            List<RunPoints> read = new ArrayList<>();
            for (Path run : runs) read.add(RunPoints.read(run, where)); // every run read before any is added
            try (HistoryStore store = HistoryStore.open(db.db)) {
                for (RunPoints r : read) {
                    store.add(r, where);
                    out.printf(Locale.ROOT, "added %s (%s, %s): %d points%s%n", r.runId(), r.kind(), r.state().id(), r.points().size(),
                            r.state() == RunState.COMPLETE ? "" : "; kept, but not counted in detection: the run is " + r.state().id());
                }
                out.println("history: " + store.describe() + (where.commit() == null ? "" : ", commit " + where.commit())
                        + (where.branch() == null ? "" : " on " + where.branch()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The points of the history: one line per series, metric and run.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Mixin
        Selection selection;
        @Option(names = "--json", description = "JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            List<HistoryPoint> points;
            try (HistoryStore store = HistoryStore.open(db.db)) {
                points = selection.from(store);
            }
            if (json) {
                out.println(RunFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(points));
                return 0;
            }
            if (points.isEmpty()) {
                out.println("no points" + (selection.describe().isEmpty() ? "; add runs with 'loadlab history add RUN_DIR'" : selection.describe()));
                return 0;
            }
            out.printf(Locale.ROOT, "%-10s %-40s %-12s %14s  %-12s %-20s %s%n", "testbed", "series", "metric", "value", "commit", "commit time", "run");
            for (HistoryPoint p : points) {
                out.printf(Locale.ROOT, "%-10s %-40s %-12s %14s  %-12s %-20s %s%s%n", p.testbed(), p.series(), p.metric(), figure(p.value()),
                        p.commit() == null ? "-" : p.commit().substring(0, Math.min(12, p.commit().length())), p.commitTime(), p.runId(),
                        p.counts() ? "" : " (" + p.runState().id() + ", not counted)");
            }
            return 0;
        }
    }

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = "Change points of every series (E-Divisive means: split with sliding windows and a looser first-pass p-value, "
                    + "then merge away the weakest until all pass). Exits 1 when a series' newest change point is a regression.")
    static final class Detect implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Mixin
        Selection selection;
        @Mixin
        Detection detection;
        @Option(names = "--json", description = "JSON instead of text.")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            DetectionSettings settings = detection.settings();
            Map<HistoryChanges.Series, List<SeriesChange>> found;
            try (HistoryStore store = HistoryStore.open(db.db)) {
                found = HistoryChanges.detectAll(selection.from(store), settings, store);
            }
            List<HistoryChanges.Series> all = List.copyOf(found.keySet());
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no counted points" + selection.describe() + "; 'loadlab history show' lists what the history holds");
            }
            List<Map<String, Object>> report = new ArrayList<>();
            List<String> regressions = new ArrayList<>();
            for (HistoryChanges.Series s : all) {
                List<SeriesChange> changes = found.get(s);
                for (SeriesChange c : changes) report.add(json(c));
                if (!changes.isEmpty() && changes.get(changes.size() - 1).regression()) {
                    SeriesChange last = changes.get(changes.size() - 1);
                    regressions.add(s.testbed() + " " + s.series() + " " + s.metric() + " " + Percent.signed(last.change().forwardChange())
                            + " at " + (last.at().commit() == null ? last.at().runId() : last.at().commit()));
                }
                if (!json) {
                    for (SeriesChange c : changes) {
                        out.printf(Locale.ROOT, "%s %s %s: %s at point %d (commit %s, %s, run %s): mean %s -> %s, p %.2g%s%n", s.testbed(), s.series(),
                                s.metric(), Percent.signed(c.change().forwardChange()), c.change().index(), c.at().commit() == null ? "-" : c.at().commit(),
                                c.at().commitTime(), c.at().runId(), figure(c.change().meanBefore()), figure(c.change().meanAfter()), c.change().pValue(),
                                c.regression() ? "  REGRESSION" : "");
                    }
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("series", all.size());
                doc.put("change_points", report);
                doc.put("regressions", regressions);
                out.println(RunFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                out.printf(Locale.ROOT, "%d series, %d change points%n", all.size(), report.size());
                for (String r : regressions) out.println("!!! regression: the newest change point of " + r);
            }
            return regressions.isEmpty() ? 0 : 1;
        }

        private static Map<String, Object> json(SeriesChange c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("testbed", c.testbed());
            m.put("series", c.series());
            m.put("metric", c.metric());
            m.put("index", c.change().index());
            m.put("commit", c.at().commit());
            m.put("commit_time", c.at().commitTime().toString());
            m.put("run", c.at().runId());
            m.put("p_value", c.change().pValue());
            m.put("mean_before", c.change().meanBefore());
            m.put("mean_after", c.change().meanAfter());
            m.put("forward_change", c.change().forwardChange());
            m.put("magnitude", c.change().magnitude());
            m.put("regression", c.regression());
            return m;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "The history in another tool's format: otava-csv (every counted run, a column per series and metric), "
                    + "bencher-json (Bencher Metric Format of one run), github-action-benchmark (its custom format, one run, one direction).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Option(names = "--format", required = true, paramLabel = "F", description = "otava-csv, bencher-json or github-action-benchmark.")
        String format;
        @Mixin
        Selection selection;
        @Option(names = "--run", paramLabel = "ID", description = "For the one-run formats: this run (default: the newest counted one).")
        String run;
        @Option(names = "--bigger-is-better", description = "For github-action-benchmark: the metrics where bigger is better (throughput, "
                + "capacity, scores per second), for tool customBiggerIsBetter; without it, those where smaller is better.")
        boolean biggerIsBetter;
        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of to standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            HistoryExport.Format f = HistoryExport.Format.parse(format);
            List<HistoryPoint> points;
            try (HistoryStore store = HistoryStore.open(db.db)) {
                points = selection.from(store).stream().filter(HistoryPoint::counts).toList();
            }
            if (points.isEmpty()) throw new IllegalArgumentException("no counted points to export; 'loadlab history show' lists what the history holds");
            String text;
            if (f == HistoryExport.Format.OTAVA_CSV) {
                text = HistoryExport.otavaCsv(points);
            } else {
                List<HistoryPoint> one = run == null ? HistoryExport.newestRun(points) : points.stream().filter(p -> p.runId().equals(run)).toList();
                if (one.isEmpty()) throw new IllegalArgumentException("--run " + run + " has no counted points in the history; 'loadlab history show' lists the runs");
                Object doc = f == HistoryExport.Format.BENCHER_JSON ? HistoryExport.bencher(one) : HistoryExport.githubActionBenchmark(one, biggerIsBetter);
                text = RunFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
            }
            if (out == null) spec.commandLine().getOut().print(text);
            else Files.writeString(out, text);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "One self-contained HTML page: a chart per series and metric with every point, segment means and change points.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Db db;
        @Mixin
        Detection detection;
        @Mixin
        Selection selection;
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "history.html", description = "Where to write the page (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            DetectionSettings settings = detection.settings();
            Map<HistoryChanges.Series, List<SeriesChange>> found;
            String source;
            try (HistoryStore store = HistoryStore.open(db.db)) {
                found = HistoryChanges.detectAll(selection.from(store), settings, store);
                source = store.describe();
            }
            List<HistoryChanges.Series> all = List.copyOf(found.keySet());
            if (all.isEmpty()) throw new IllegalArgumentException("no counted points to draw; 'loadlab history show' lists what the history holds");
            List<HistoryPage.Series> page = new ArrayList<>();
            for (HistoryChanges.Series s : all) {
                List<HistoryPage.Change> changes = found.get(s).stream().map(c -> new HistoryPage.Change(c.change().index(),
                        c.change().meanBefore(), c.change().meanAfter(), c.change().forwardChange(), c.change().pValue(), c.regression())).toList();
                List<HistoryPage.Point> ps = s.points().stream().map(p -> new HistoryPage.Point(p.commit(), p.commitTime(), p.runId(), p.value(),
                        p.low(), p.high())).toList();
                Metric.Kind kind = Metric.parse(s.metric(), "the history").kind();
                boolean time = kind == Metric.Kind.LATENCY || kind == Metric.Kind.SERVICE;
                page.add(new HistoryPage.Series(s.testbed(), s.series(), s.metric(), time, s.points().get(0).higherIsWorse(), ps, changes));
            }
            Path written = HistoryPage.write(out.toAbsolutePath(), page, source);
            spec.commandLine().getOut().println("report: " + written + " (" + page.size() + " series)");
            return 0;
        }
    }

    private static String figure(double v) {
        return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
