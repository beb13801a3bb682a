package loadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.reports.html.RunReport;

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
        if (java.nio.file.Files.isRegularFile(run.resolve(loadlab.reports.capacity.CapacityReport.FILE))) {
            console.println("report: " + loadlab.reports.html.CapacityPage.write(run));
            console.flush();
            return Loadlab.OK;
        }
        loadlab.recording.RunDirectory opened = loadlab.recording.RunDirectory.open(run);
        console.println("report: " + RunReport.write(opened));
        if (opened.state() != loadlab.recording.RunState.COMPLETE) {
            console.println(loadlab.reports.text.SummaryTable.stateLine(opened.state(), opened.stateReason()));
        }
        console.flush();
        return Loadlab.OK;
    }
}
