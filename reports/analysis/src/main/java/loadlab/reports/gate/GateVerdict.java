package loadlab.reports.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Every check's outcome; the gate passes when none failed, and with {@code strict} when none was
 * inconclusive either.
 *
 * @param states   the gate's own checks that the run and each baseline can support a verdict (complete runs only)
 * @param results  the spec's checks, per subject
 * @param warnings what the reader should know before trusting a comparison (runs of different
 *                 scenarios, targets, profiles or engines), one sentence each
 */
public record GateVerdict(String run, String baseline, double confidence, boolean strict, List<String> warnings, List<CheckResult> states,
                          List<CheckResult> results) {
    public GateVerdict {
        warnings = List.copyOf(warnings);
        states = List.copyOf(states);
        results = List.copyOf(results);
    }

    public boolean passed() {
        return states.stream().allMatch(r -> r.verdict() == CheckResult.Verdict.PASS) && results.stream().noneMatch(r -> r.verdict() == CheckResult.Verdict.FAIL
                || strict && r.verdict() == CheckResult.Verdict.INCONCLUSIVE);
    }

    /** The state checks, then the spec's checks: what the table, JUnit XML and Markdown list. */
    public List<CheckResult> all() {
        List<CheckResult> all = new ArrayList<>(states);
        all.addAll(results);
        return all;
    }

    /** The state checks that failed: runs that cannot support a verdict. */
    public long failedStates() {
        return states.stream().filter(r -> r.verdict() == CheckResult.Verdict.FAIL).count();
    }

    public long count(CheckResult.Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }
}
