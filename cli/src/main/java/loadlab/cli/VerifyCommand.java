package loadlab.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.injector.internal.run.WriteReadBack;
import loadlab.recording.JepsenHistory;
import loadlab.recording.RunDirectory;
import loadlab.recording.Verification;
import loadlab.recording.WriteHistory;
import loadlab.recording.WriteLog;
import loadlab.reports.text.SummaryTable;

/** {@code loadlab verify}: reads a run's recorded writes back from the target, later or again. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Read every write a run recorded (writes.jsonl: the timeline's posts and follows, a request file's write: requests) "
                + "back from the target and classify them as Jepsen's set checker does: lost (acknowledged, absent), recovered (unknown "
                + "outcome, present), unexpected (failed, present). Updates the run's verification and summary; exits 1 when a write is "
                + "lost or cannot be read back.",
        footer = {"", "Examples:", "  loadlab verify runs/latest", "  loadlab verify runs/latest --target http://127.0.0.1:8080/ --history-out writes.edn"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A load run directory that recorded writes.")
    Path run;

    @Option(names = "--target", paramLabel = "URL", description = "Where to read the writes back from (default: the run's target).")
    String target;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to keep reading an acknowledged write that is absent, as the target may show it late (default: 5s).")
    Duration wait;

    @Option(names = "--history-out", paramLabel = "FILE",
            description = "Also write the history with its final read for elle-cli or Jepsen (--model set): FILE.edn or FILE.json.")
    Path historyOut;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        if (historyOut != null) JepsenHistory.Format.of(historyOut);
        if (wait != null && (wait.isNegative() || wait.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("--wait " + wait.toSeconds() + "s must be between 0s and 1h");
        }
        RunDirectory opened = RunDirectory.open(RunDirectory.resolve(run));
        WriteHistory history = WriteHistory.read(opened.path());
        if (history == null || history.writes().isEmpty()) {
            throw new IllegalArgumentException(opened.path() + " recorded no writes (" + WriteLog.FILE + "): only a run whose requests write "
                    + "(the timeline's posts and follows, or a request file's write:) can be read back");
        }
        URI from = target != null ? RunCommand.httpUri("--target", target, "the target's http:// URL, e.g. http://127.0.0.1:8080/")
                : URI.create(opened.manifest().target());
        WriteReadBack.Result result = new WriteReadBack(from, wait == null ? Duration.ofSeconds(5) : wait).check(history);
        Verification before = Verification.read(opened.path());
        Verification v = before == null ? Verification.clientOnly(result.check()) : before.withClient(result.check());
        v.write(opened.path());
        RunDirectory.open(opened.path()).writeSummary();
        console.println(SummaryTable.verificationLine(v));
        if (historyOut != null) {
            JepsenHistory.write(historyOut, history, result.present());
            console.println("history for elle-cli (--model set): " + historyOut);
        }
        console.flush();
        return v.verdict() == Verification.Verdict.KEPT ? Loadlab.OK : Loadlab.CHECK_FAILED;
    }
}
