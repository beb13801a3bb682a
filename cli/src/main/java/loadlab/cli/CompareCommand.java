package loadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.reports.RunDifferences;
import loadlab.reports.html.RunReport;

/** {@code loadlab compare}: one page with two runs overlaid. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Build one self-contained page with two runs overlaid (A the baseline, B the run compared with it) "
                + "and a table of changes.",
        footer = {"", "Example:", "  loadlab compare runs/before runs/after --out before-vs-after.html"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run directory compared with it.")
    Path b;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: compare.html in RUN_B).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        RunDirectory ra = RunDirectory.open(a);
        RunDirectory rb = RunDirectory.open(b);
        Path page = RunReport.compare(ra, rb, out != null ? out : b.resolve("compare.html"));
        for (RunDirectory r : List.of(ra, rb)) {
            if (r.state() != RunState.COMPLETE) {
                console.println("warning: " + r.path() + " is " + r.state().id() + ": " + r.stateReason());
            }
        }
        for (String w : RunDifferences.between(ra.manifest(), rb.manifest(), a, b)) console.println("warning: " + w);
        console.println("comparison: " + page);
        console.flush();
        return Loadlab.OK;
    }
}
