package loadlab.reports.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import loadlab.recording.CheckCount;
import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.recording.RequestHistograms;
import loadlab.recording.RequestNamePattern;

/**
 * The gate on the checks a workload wrote: {@code check-failures} per request name (a glob) or for
 * all, against a whole-number limit. A spec that does not bound them gets one implicit check, all
 * of them must pass, because a check that fails without failing the gate is a check silently
 * ignored; a spec that asks about checks of a run that has none fails, as anything not measured.
 */
final class CheckGate {
    private CheckGate() {}

    static List<CheckResult> judge(Check c, RunDirectory run) {
        Summary s = run.summary();
        String what = "check-failures of " + label(c.request()) + " " + c.bound().id() + " " + c.limit().text();
        if (s.total().checks().isEmpty()) {
            return List.of(new CheckResult(c.kind(), what, "", "none", "limit " + c.limit().text(), CheckResult.Verdict.FAIL,
                    run.path() + " has no checks to count: its workload wrote none (or they never ran)"));
        }
        List<CheckResult> out = new ArrayList<>();
        for (String name : names(c, s, run)) {
            Summary.Stats st = RequestHistograms.ALL.equals(name) ? s.total() : s.requests().get(name);
            long failed = st.checkFailures();
            long evaluated = st.checks().stream().mapToLong(k -> k.passes() + k.fails()).sum();
            boolean ok = c.bound().holds(failed, c.limit().value());
            out.add(new CheckResult(c.kind(), "check-failures of " + label(name) + " " + c.bound().id() + " " + c.limit().text(), "",
                    Gate.format(c.metric(), failed) + " of " + Gate.format(c.metric(), evaluated), "limit " + c.limit().text(),
                    ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL, failed + " failed " + (failed == 1 ? "check" : "checks")
                    + " of " + label(name) + worst(st) + ", limit " + c.bound().id() + " " + c.limit().text()));
        }
        return out;
    }

    /** All checks must pass when the spec does not say otherwise; nothing when the run has no checks. */
    static List<CheckResult> implicit(RunDirectory run) {
        Summary.Stats total = run.summary().total();
        if (total.checks().isEmpty()) return List.of();
        long failed = total.checkFailures();
        long evaluated = total.checks().stream().mapToLong(k -> k.passes() + k.fails()).sum();
        return List.of(new CheckResult(Check.Kind.ABSOLUTE, "every check of the workload passes (implicit; bound check-failures to allow some)", "",
                String.format(Locale.ROOT, "%,d failed of %,d", failed, evaluated), "limit 0",
                failed == 0 ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                failed == 0 ? "all " + evaluated + " check evaluations passed" : failed + " check evaluations failed" + worst(total)));
    }

    private static String worst(Summary.Stats st) {
        return st.checks().stream().filter(k -> k.fails() > 0).max(Comparator.comparingLong(CheckCount::fails))
                .map(k -> " (most: '" + k.name() + "', " + k.fails() + ")").orElse("");
    }

    private static List<String> names(Check c, Summary s, RunDirectory run) {
        if (RequestHistograms.ALL.equals(c.request())) return List.of(RequestHistograms.ALL);
        RequestNamePattern glob = RequestNamePattern.of(c.request());
        List<String> names = s.requests().keySet().stream().filter(n -> glob.matches(n)).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the check " + c.text() + " names request '" + c.request() + "', which " + run.path()
                    + " does not have; it has " + String.join(", ", s.requests().keySet()) + " (or \"*\" for all requests)");
        }
        return names;
    }

    private static String label(String name) {
        return RequestHistograms.describe(name);
    }
}
