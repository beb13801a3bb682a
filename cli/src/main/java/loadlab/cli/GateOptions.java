package loadlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import loadlab.reports.gate.Gate;

/** What a gate needs beside its spec, shared by {@code gate} and {@code run --gate}. */
final class GateOptions {
    @Option(names = "--baseline", paramLabel = "DIR", description = "The run to compare with (needed by relative checks). "
            + "Repeat it to pool several runs of the same build: their run-to-run variation then widens the intervals.")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--history", paramLabel = "DB", description = "Take the baseline from this history (see 'loadlab history'): the "
            + "run's series since their newest change point, the newest --history-runs of them, pooled. Instead of --baseline.")
    String history;

    @Option(names = "--history-runs", paramLabel = "N", defaultValue = "10", description = "How many runs of the stable segment to pool (default ${DEFAULT-VALUE}).")
    int historyRuns;

    @Option(names = "--testbed", paramLabel = "NAME", defaultValue = "default", description = "The history's testbed to take the baseline from (default ${DEFAULT-VALUE}).")
    String testbed;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the checks as JUnit XML test cases.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the verdict as Markdown (and append it to $GITHUB_STEP_SUMMARY when set).")
    Path markdown;

    @Option(names = "--strict", description = "An inconclusive relative check (too noisy to rule out a regression) fails the gate.")
    boolean strict;

    @Option(names = "--allow-incomplete", description = "Judge an INVALID or interrupted run (or baseline) instead of failing it; "
            + "an empty or damaged one still fails.")
    boolean allowIncomplete;

    boolean anyGiven() {
        return !baselines.isEmpty() || history != null || junit != null || markdown != null || strict || allowIncomplete;
    }

    Gate.Options options() {
        return new Gate.Options(strict, allowIncomplete);
    }
}
