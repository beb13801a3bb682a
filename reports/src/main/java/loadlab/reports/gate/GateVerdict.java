package loadlab.reports.gate;

import java.util.List;

/** Every check's outcome; the gate passes when none failed (an inconclusive check does not fail it). */
public record GateVerdict(String run, String baseline, double confidence, List<CheckResult> results) {

    public boolean passed() {
        return results.stream().noneMatch(r -> r.verdict() == CheckResult.Verdict.FAIL);
    }

    public long count(CheckResult.Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }
}
