package loadlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import loadlab.recording.Tool;
import loadlab.service.fault.BlockUnavailableException;

/**
 * The {@code loadlab} command. Verbs parse, call one module, print and return an exit code:
 * 0 success, 1 a check failed, 2 usage or input error (one sentence, never a stack trace), 130 Ctrl-C (the
 * JVM's own 128 + SIGINT, after the shutdown hooks have finished the run directory).
 */
@Command(name = "loadlab", mixinStandardHelpOptions = true, versionProvider = Loadlab.Version.class,
        footer = {"", "Exit codes: 0 success (a complete run, every check passed; a gate that passed); 1 a check or gate failed,",
                "or a run that does not describe its target (INVALID, empty, stopped by --abort-on); 2 bad input, a damaged run",
                "directory or a write that failed; 3 the injector crashed; 130 stopped by Ctrl-C (143 by SIGTERM), the run",
                "directory kept as interrupted."},
        description = "Load and scalability benchmarking for data-intensive services.",
        subcommands = {RunCommand.class, CapacityCommand.class, BenchCommand.class, ReportCommand.class, CompareCommand.class, GateCommand.class, HistoryCommand.class, VerifyCommand.class, MergeCommand.class, K8sCommand.class, ServeCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Loadlab implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The version from the build, with the git commit it was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Tool t = Tool.current(null);
            return new String[] {"loadlab " + t.version() + " (git " + t.gitCommit() + ")"};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Loadlab());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            String hint = "";
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = " Did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?";
            }
            err.println("loadlab: " + e.getMessage() + "." + hint + " See 'loadlab " + subcommandPath(failed) + "--help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            if (e instanceof IllegalArgumentException || e instanceof BlockUnavailableException || e instanceof UncheckedIOException) {
                err.println("loadlab: " + e.getMessage());
                return USAGE;
            }
            err.println("loadlab: internal error: " + e + " (set LOADLAB_DEBUG=1 for the stack trace)");
            if (System.getenv("LOADLAB_DEBUG") != null) e.printStackTrace(err);
            return INTERNAL;
        });
        return cli;
    }

    private static String subcommandPath(CommandLine cli) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cli; c.getParent() != null; c = c.getParent()) path.insert(0, c.getCommandName() + " ");
        return path.toString();
    }
}
