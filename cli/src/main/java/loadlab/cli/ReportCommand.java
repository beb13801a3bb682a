package loadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.html.CapacityPage;
import loadlab.reports.html.RunReport;
import loadlab.reports.text.SummaryTable;

/** {@code loadlab report}: (re)builds a run directory's report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Build (or rebuild) report.html in a run directory or a capacity search's directory: one self-contained page "
                + "that opens offline.",
        footer = {"", "Examples:", "  loadlab report runs/latest", "  loadlab report runs/20261201T101500Z-capacity-http-get"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A load or bench run directory, or a capacity search's directory.")
    Path run;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        if (Files.isRegularFile(run.resolve(CapacityResult.FILE))) {
            console.println("report: " + CapacityPage.write(run));
            console.flush();
            return Loadlab.OK;
        }
        RunDirectory opened = RunDirectory.open(run);
        console.println("report: " + RunReport.write(opened));
        if (opened.state() != RunState.COMPLETE) {
            console.println(SummaryTable.stateLine(opened.state(), opened.stateReason()));
        }
        console.flush();
        return Loadlab.OK;
    }
}
