package loadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunMerge;
import loadlab.recording.RunState;
import loadlab.reports.text.SummaryTable;

/** Merges segments' run directories and says what came of it, for {@code merge} and {@code k8s collect} alike. */
final class MergeStep {
    private MergeStep() {}

    /** Merges into {@code out} (new or empty), prints the spread of time zeros, the summary and the report; returns the exit code. */
    static int merge(PrintWriter console, List<Path> segments, Path out) {
        RunDirectory merged = RunMerge.merge(segments, out);
        console.printf(Locale.ROOT, "%d segments, measured from time zeros %d ms apart (each machine's own clock)%n", segments.size(),
                RunMerge.zeroSpreadMillis(segments));
        SummaryTable.print(merged.summary(), console);
        ReportStep.build(console, merged);
        console.println("merged run directory: " + out);
        return merged.state() == RunState.COMPLETE ? Loadlab.OK : Loadlab.CHECK_FAILED;
    }
}
