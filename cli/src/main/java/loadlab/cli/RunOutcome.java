package loadlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.recording.Verification;
import loadlab.reports.format.Figures;
import loadlab.reports.text.SummaryTable;
import loadlab.injector.internal.run.InjectorMain;
import loadlab.injector.internal.run.LoadRun;
import loadlab.recording.Percent;

/**
 * What a finished load run means for the exit code: 0 only for a complete run whose target (when
 * asked) kept every acknowledged write and whose checks all passed; 1 for a run that does not
 * describe its target (INVALID, empty, interrupted), whose target lost a write, did not converge or
 * could not be verified, or where a check the workload wrote failed (unless a gate judges them); 2
 * for a write that failed (a full disk) or files that cannot be read back; 3 for an injector that
 * crashed. Prints the summary and builds the report on the way, so {@code run} and {@code demo}
 * say the same.
 */
final class RunOutcome {
    private RunOutcome() {}

    /** Above this share of failed requests a run without a gate says so, naming the causes. */
    static final double ERROR_WARNING = 0.01;

    /**
     * Prints the table and the report line; returns the exit code the run alone deserves.
     *
     * @param gated a gate judges the run after this: it decides about failed checks, and errors are its to bound
     */
    static int report(PrintWriter console, LoadRun.Result result, boolean gated) {
        RunDirectory run = result.run();
        if (run == null) {
            console.println("loadlab: the injector exited with " + result.exitCode() + " and " + result.unreadable() + "; see " + result.runDir());
            console.flush();
            return result.exitCode() == InjectorMain.WRITE_FAILED ? Loadlab.USAGE : Loadlab.INTERNAL;
        }
        SummaryTable.print(run.summary(), run.manifest().tool() == null ? null : run.manifest().tool().engine(), console);
        Long offset = run.manifest().startOffsetMillis();
        if (offset != null) {
            console.printf(Locale.ROOT, "started together: measuring began %+d ms from --start-at %s (this machine's clock)%n",
                    offset, run.manifest().startAt());
        }
        boolean diskFailed = result.exitCode() == InjectorMain.WRITE_FAILED;
        if (run.summary().total().count() > 0 && !diskFailed) ReportStep.build(console, run);
        console.println("run directory: " + run.path());
        console.flush();
        if (diskFailed) return Loadlab.USAGE;
        if (result.exitCode() == InjectorMain.ABORTED) return Loadlab.CHECK_FAILED; // --abort-on: the run ended interrupted, naming the check
        if (result.exitCode() != InjectorMain.OK) return Loadlab.INTERNAL;
        Summary.Stats total = run.summary().total();
        if (!gated && total.errorRate() > ERROR_WARNING) {
            console.println("warning: " + Percent.text(total.errorRate()) + " of requests failed (by cause: "
                    + Figures.pairs(total.errors().byCause()) + "); bound error-rate with --gate to fail the run on it");
        }
        boolean checksFailed = !gated && total.checkFailures() > 0;
        if (checksFailed) {
            console.println("exit 1: " + total.checkFailures() + " check evaluations failed; a check the workload wrote must pass "
                    + "(bound check-failures in a --gate spec to allow some)");
        }
        console.flush();
        Verification verified = run.summary().verification();
        boolean kept = verified == null || verified.verdict() == Verification.Verdict.KEPT;
        return run.state() == RunState.COMPLETE && kept && !checksFailed ? Loadlab.OK : Loadlab.CHECK_FAILED;
    }
}
