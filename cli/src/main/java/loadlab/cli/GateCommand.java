package loadlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.recording.RunDirectory;

/** {@code loadlab gate}: judges a run (and a baseline) against a gate spec. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Judge a run against a gate spec: absolute checks on the run, relative checks against a baseline that fail only "
                + "when the change is beyond both runs' own noise. Exit 0 pass, 1 a check failed, 2 bad input.",
        footer = {"", "Example:", "  loadlab gate --spec gate.yaml runs/latest --baseline runs/main --junit gate.xml --markdown gate.md",
                "", "GITHUB_STEP_SUMMARY, when set, gets the Markdown appended."})
public final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "The run to judge.")
    Path run;

    @Option(names = "--spec", required = true, paramLabel = "GATE.yaml", description = "The checks (YAML).")
    Path specFile;

    @Mixin
    GateOptions gate;

    @Override
    public Integer call() {
        return GateStep.judge(spec.commandLine().getOut(), GateStep.prepare(specFile, gate), RunDirectory.resolve(run), gate);
    }
}
