package loadlab.reports.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.recording.Verification;
import loadlab.recording.RequestNamePattern;
import loadlab.reports.metric.Metric;

/**
 * The checks of what faults did and whether the target kept its data: {@code recovery-time} and
 * {@code error-rate-during-faults} per fault (each fault a glob or {@code *} names, each judged
 * alone), and {@code lost-writes} from the verification after the load. A fault that never
 * recovered, or a run that was not verified, fails: what was not measured cannot pass.
 */
final class FaultGate {
    private FaultGate() {}

    static List<CheckResult> judge(Check c, RunDirectory run) {
        Summary s = run.summary();
        if (c.metric() == Metric.LOST_WRITES) return List.of(lostWrites(c, s.verification(), run));
        List<Summary.FaultEffect> faults = faults(c, s, run);
        List<CheckResult> out = new ArrayList<>();
        for (Summary.FaultEffect f : faults) out.add(c.metric() == Metric.RECOVERY_TIME ? recovery(c, f) : errorsDuring(c, f));
        return out;
    }

    private static List<Summary.FaultEffect> faults(Check c, Summary s, RunDirectory run) {
        if (s.faults() == null || s.faults().isEmpty()) {
            throw new IllegalArgumentException("the check " + c.text() + " is about faults, and " + run.path()
                    + " scheduled none; run it with --faults FAULTS.yaml");
        }
        RequestNamePattern glob = RequestNamePattern.of(c.fault());
        List<Summary.FaultEffect> matched = s.faults().stream().filter(f -> glob.matches(f.name())).toList();
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("the check " + c.text() + " names fault '" + c.fault() + "', which " + run.path()
                    + " does not have; it has " + String.join(", ", s.faults().stream().map(Summary.FaultEffect::name).toList())
                    + " (or \"*\" for each)");
        }
        return matched;
    }

    private static CheckResult recovery(Check c, Summary.FaultEffect f) {
        String what = "recovery after " + f.name() + " " + c.bound().id() + " " + c.limit().text();
        if (f.recoveryS() == null) {
            return new CheckResult(c.kind(), what, "", "none", "limit " + c.limit().text(), CheckResult.Verdict.FAIL,
                    f.name() + (f.endS() == null ? " was still active when the run ended" : " did not recover by the end of the run")
                            + ": p99 and throughput never held the before-window's figures for 5 s");
        }
        double v = f.recoveryS();
        boolean ok = c.bound().holds(v, c.limit().value());
        return new CheckResult(c.kind(), what, "", Gate.format(c.metric(), v), "limit " + c.limit().text(),
                ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                f.name() + " recovered in " + Gate.format(c.metric(), v) + ", limit " + c.bound().id() + " " + c.limit().text());
    }

    private static CheckResult errorsDuring(Check c, Summary.FaultEffect f) {
        String what = "error rate during " + f.name() + " " + c.bound().id() + " " + c.limit().text();
        Summary.FaultWindow during = f.during();
        if (during == null || during.throughputPerS() == 0 && during.errorRate() == 0) {
            return new CheckResult(c.kind(), what, "", "none", "limit " + c.limit().text(), CheckResult.Verdict.FAIL,
                    "nothing completed during " + f.name() + ", so its error rate was not measured");
        }
        double v = during.errorRate();
        boolean ok = c.bound().holds(v, c.limit().value());
        return new CheckResult(c.kind(), what, "", Gate.format(c.metric(), v), "limit " + c.limit().text(),
                ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                "during " + f.name() + " " + Gate.format(c.metric(), v) + " of requests failed, limit " + c.bound().id() + " " + c.limit().text());
    }

    private static CheckResult lostWrites(Check c, Verification v, RunDirectory run) {
        String what = "lost writes " + c.bound().id() + " " + c.limit().text();
        if (v == null) {
            return new CheckResult(c.kind(), what, "", "not verified", "limit " + c.limit().text(), CheckResult.Verdict.FAIL,
                    run.path() + " has no verification (run against the reference service, or with --verify URL)");
        }
        if (v.verdict() == Verification.Verdict.UNCHECKED || v.verdict() == Verification.Verdict.UNEXPECTED) {
            return new CheckResult(c.kind(), what, "", "not verified", "limit " + c.limit().text(), CheckResult.Verdict.FAIL,
                    "the verification " + v.sentence());
        }
        double lost = v.lostWrites();
        boolean ok = c.bound().holds(lost, c.limit().value());
        return new CheckResult(c.kind(), what, "", Gate.format(c.metric(), lost) + " of " + String.format(Locale.ROOT, "%,d",
                v.acknowledgedWrites()), "limit " + c.limit().text(), ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                v.sentence());
    }
}
