package loadlab.reports.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import loadlab.reports.gate.CheckResult;
import loadlab.reports.gate.Gate;
import loadlab.reports.gate.GateVerdict;

/**
 * A gate verdict for people and for CI systems: a console table, JUnit XML (each check a test
 * case: a failure a {@code <failure>}, an inconclusive check {@code <skipped>} with its reason) and
 * GitHub-flavoured Markdown for a job summary. All three count the same checks, the run-state ones
 * included, so a CI system's totals match the console's line.
 */
public final class GateVerdictWriter {
    private GateVerdictWriter() {}

    public static void printTable(GateVerdict v, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"check", "baseline", "run", "change [interval] / limit", "verdict"});
        for (CheckResult r : v.all()) rows.add(new String[] {r.check(), r.baseline(), r.run(), r.change(), r.verdict().word()});
        int[] width = new int[5];
        for (String[] row : rows) for (int i = 0; i < 5; i++) width[i] = Math.max(width[i], row[i].length());
        out.println();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", row[i])).append(i < 4 ? "  " : "");
            out.println(line.toString().stripTrailing());
        }
        for (CheckResult r : v.all()) {
            if (r.verdict() != CheckResult.Verdict.PASS) out.println(r.verdict().word() + ": " + r.check() + ": " + r.reason());
        }
        for (String w : v.warnings()) out.println("warning: " + w);
        out.println(summaryLine(v));
        out.flush();
    }

    static String summaryLine(GateVerdict v) {
        int n = v.all().size();
        String states = v.failedStates() == 0 ? "" : v.failedStates() + (v.failedStates() == 1 ? " run" : " runs")
                + " cannot support a verdict; ";
        return String.format(Locale.ROOT, "gate %s: %s%d check%s, %d failed, %d inconclusive%s (intervals at %s confidence, %,d resamples)",
                v.passed() ? "passed" : "FAILED", states, n, n == 1 ? "" : "s", failures(v), v.count(CheckResult.Verdict.INCONCLUSIVE),
                v.strict() ? ", which --strict counts as failed" : " (skipped in JUnit XML)",
                Math.round(v.confidence() * 1000) / 10.0 + "%", Gate.RESAMPLES);
    }

    public static String junitXml(GateVerdict v) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long skipped = v.strict() ? 0 : v.count(CheckResult.Verdict.INCONCLUSIVE);
        x.append(String.format(Locale.ROOT, "<testsuites name=\"loadlab gate\" tests=\"%d\" failures=\"%d\" skipped=\"%d\">%n",
                v.all().size(), failures(v), skipped));
        x.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">%n",
                xml("loadlab gate " + v.run()), v.all().size(), failures(v), skipped));
        for (CheckResult r : v.all()) {
            x.append(String.format(Locale.ROOT, "    <testcase classname=\"loadlab.gate.%s\" name=\"%s\" time=\"0\">",
                    r.kind().name().toLowerCase(Locale.ROOT), xml(r.check())));
            String detail = "baseline " + (r.baseline().isEmpty() ? "-" : r.baseline()) + "; run " + r.run() + "; " + r.change();
            if (r.verdict() == CheckResult.Verdict.FAIL || v.strict() && r.verdict() == CheckResult.Verdict.INCONCLUSIVE) {
                x.append(String.format(Locale.ROOT, "%n      <failure message=\"%s\" type=\"gate\">%s</failure>%n    ", xml(r.reason()), xml(detail)));
            } else if (r.verdict() == CheckResult.Verdict.INCONCLUSIVE) {
                x.append(String.format(Locale.ROOT, "%n      <skipped message=\"%s\"/>%n      <system-out>%s</system-out>%n    ",
                        xml("inconclusive: " + r.reason()), xml(detail)));
            } else {
                x.append(String.format(Locale.ROOT, "%n      <system-out>%s</system-out>%n    ", xml(r.verdict().word() + ": " + r.reason() + "; " + detail)));
            }
            x.append("</testcase>\n");
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    public static String markdown(GateVerdict v) {
        StringBuilder m = new StringBuilder();
        m.append("### loadlab gate: ").append(v.passed() ? "passed" : "**FAILED**").append("\n\n");
        m.append("Run `").append(v.run()).append('`');
        if (v.baseline() != null) m.append(" against baseline `").append(v.baseline()).append('`');
        m.append(".\n\n| check | baseline | run | change [interval] / limit | verdict |\n|---|---|---|---|---|\n");
        for (CheckResult r : v.all()) {
            String mark = switch (r.verdict()) {
                case PASS -> "✅ pass";
                case FAIL -> "❌ **FAIL**";
                case INCONCLUSIVE -> "⚠️ inconclusive";
            };
            m.append("| ").append(md(r.check())).append(" | ").append(md(r.baseline())).append(" | ").append(md(r.run())).append(" | ")
                    .append(md(r.change())).append(" | ").append(mark).append(" |\n");
        }
        m.append('\n');
        for (CheckResult r : v.all()) {
            if (r.verdict() != CheckResult.Verdict.PASS) m.append("- ").append(r.verdict().word()).append(": ").append(md(r.check())).append(": ")
                    .append(md(r.reason())).append('\n');
        }
        for (String w : v.warnings()) m.append("- warning: ").append(md(w)).append('\n');
        m.append('\n').append(summaryLine(v)).append("\n");
        return m.toString();
    }

    private static long failures(GateVerdict v) {
        return v.failedStates() + v.count(CheckResult.Verdict.FAIL) + (v.strict() ? v.count(CheckResult.Verdict.INCONCLUSIVE) : 0);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }
}
