package loadlab.reports.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import loadlab.reports.capacity.CapacityResult;
import loadlab.recording.Percent;
import loadlab.reports.metric.Metric;

/**
 * Gates a capacity search on its sustainable rate ({@code metric: sustainable-rate}): absolutely
 * ({@code at-least: 5000/s}) or against a baseline search ({@code worse-by-at-most: 10%}). A
 * search knows its capacity only to within its bracket (the highest passing and the lowest failing
 * rate), so a relative check fails only when even the most favourable reading of both brackets is
 * worse than allowed, and is inconclusive when only the best estimate (the passing rates) is.
 * A search that did not find the target's capacity (the injector was the limit, nothing passed, a
 * crash, an interruption) cannot pass, as an incomplete run cannot.
 */
final class CapacityGate {
    private CapacityGate() {}

    static boolean isCapacity(Path dir) {
        return Files.isRegularFile(dir.resolve(CapacityResult.FILE));
    }

    static GateVerdict judge(GateSpec spec, Path runDir, List<Path> baselineDirs, Gate.Options options) {
        for (Check c : spec.checks()) {
            if (c.metric() != Metric.SUSTAINABLE_RATE) {
                throw new IllegalArgumentException("the check " + c.text() + " is for run directories, and " + runDir
                        + " is a capacity search; gate it on metric: sustainable-rate");
            }
        }
        if (baselineDirs.size() > 1) throw new IllegalArgumentException("a capacity search is compared with one baseline search, not "
                + baselineDirs.size());
        CapacityResult run = CapacityResult.read(runDir);
        CapacityResult base = baselineDirs.isEmpty() ? null : read(baselineDirs.get(0));
        List<CheckResult> states = new ArrayList<>();
        states.add(state(run, "the search " + runDir));
        if (base != null) states.add(state(base, "the baseline search " + baselineDirs.get(0)));
        List<CheckResult> results = new ArrayList<>();
        boolean judgeable = run.sustainableRatePerS() != null && (base == null || base.sustainableRatePerS() != null);
        if (judgeable) {
            for (Check c : spec.checks()) results.add(c.kind() == Check.Kind.ABSOLUTE ? absolute(c, run) : relative(c, run, base));
        }
        List<String> warnings = new ArrayList<>();
        if (base != null && !Objects.equals(base.slo(), run.slo())) {
            warnings.add("the searches met different SLOs: " + base.slo() + " and " + run.slo());
        }
        return new GateVerdict(runDir.toString(), base == null ? null : baselineDirs.get(0).toString(), spec.confidence(), options.strict(),
                warnings, states, results);
    }

    private static CapacityResult read(Path dir) {
        if (!isCapacity(dir)) throw new IllegalArgumentException("the baseline " + dir + " is not a capacity search (no " + CapacityResult.FILE + ")");
        return CapacityResult.read(dir);
    }

    private static CheckResult state(CapacityResult r, String what) {
        boolean found = "bracketed".equals(r.outcome()) || "at_max".equals(r.outcome()) || "swept".equals(r.outcome()) && r.sustainableRatePerS() != null;
        return new CheckResult(Check.Kind.STATE, what + " is " + r.outcome(), "", r.outcome(), "",
                found ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                found ? "the search found the target's capacity" : r.conclusion() + "; it does not say what the target can sustain");
    }

    private static CheckResult absolute(Check c, CapacityResult run) {
        double value = run.sustainableRatePerS();
        boolean ok = c.bound().holds(value, c.limit().value());
        String what = "sustainable rate " + c.bound().id() + " " + c.limit().text();
        return new CheckResult(c.kind(), what, "", Gate.format(c.metric(), value), "limit " + c.limit().text(),
                ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                "the sustainable rate is " + Gate.format(c.metric(), value) + ", limit " + c.bound().id() + " " + c.limit().text());
    }

    private static CheckResult relative(Check c, CapacityResult run, CapacityResult base) {
        String what = "sustainable rate worse by at most " + Percent.text(c.allowed());
        double runLow = run.sustainableRatePerS();
        double baseLow = base.sustainableRatePerS();
        double runHigh = high(run);
        double baseHigh = high(base);
        double best = 1 - runLow / baseLow;
        double leastWorse = 1 - runHigh / baseLow;  // the run at the top of its bracket, the baseline at the bottom
        double mostWorse = 1 - runLow / baseHigh;
        CheckResult.Verdict verdict = leastWorse > c.allowed() ? CheckResult.Verdict.FAIL
                : best > c.allowed() ? CheckResult.Verdict.INCONCLUSIVE : CheckResult.Verdict.PASS;
        String change = Percent.text(best) + " worse [" + Percent.text(leastWorse) + ", " + Percent.text(mostWorse) + "] by the brackets";
        return new CheckResult(c.kind(), what, Gate.format(c.metric(), baseLow), Gate.format(c.metric(), runLow), change, verdict,
                switch (verdict) {
                    case FAIL -> "the sustainable rate fell by more than " + Percent.text(c.allowed()) + " even at the edges of both brackets";
                    case INCONCLUSIVE -> "the passing rates differ by more than " + Percent.text(c.allowed())
                            + ", but the brackets overlap that: search with a finer --resolution";
                    case PASS -> "within " + Percent.text(c.allowed());
                });
    }

    /** The top of a search's bracket: its lowest failing rate, or unbounded when none failed. */
    private static double high(CapacityResult r) {
        return r.bracket() != null && r.bracket().highPerS() != null ? r.bracket().highPerS() : Double.POSITIVE_INFINITY;
    }
}
