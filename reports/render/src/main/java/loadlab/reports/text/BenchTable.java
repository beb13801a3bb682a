package loadlab.reports.text;

import java.io.PrintWriter;
import java.util.Locale;

import loadlab.recording.BenchSummary;
import loadlab.reports.format.Figures;

/** The console table printed at the end of {@code loadlab bench}: one line per benchmark and params, then what was skipped. */
public final class BenchTable {
    private BenchTable() {}

    public static void print(BenchSummary summary, PrintWriter out) {
        out.printf(Locale.ROOT, "%n%-60s %-34s %14s %12s  %s%n", "benchmark", "params", "score", "± error", "unit");
        for (BenchSummary.Result r : summary.benchmarks()) {
            String params = r.params().isEmpty() ? "" : Figures.pairs(r.params());
            out.printf(Locale.ROOT, "%-60s %-34s %14.3f %12s  %s%n", r.subject(), params, r.score(),
                    r.error() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", r.error()), r.unit());
        }
        for (String s : summary.skipped()) out.println("skipped: " + s);
        out.flush();
    }
}
