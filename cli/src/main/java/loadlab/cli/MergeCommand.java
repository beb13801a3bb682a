package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;


/** {@code loadlab merge}: adds up run directories from several injectors. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Add up run directories from several injectors that ran shares of one profile (--segment K/N): "
                + "histograms are added, never percentiles averaged.",
        footer = {"", "Example:", "  loadlab merge runs/a-1 runs/a-2 runs/a-3 --out runs/a-merged"})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories to add up.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the merged run directory (must not exist yet, or be empty).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        for (Path run : runs) {
            if (!Files.isDirectory(run)) throw new IllegalArgumentException(run + " is not a directory; give run directories such as runs/latest");
        }
        try {
            Files.createDirectories(out);
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) throw new IllegalArgumentException("--out " + out + " is not empty; give a new directory");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + " cannot be created (" + e.getMessage() + "); give a writable directory");
        }
        return MergeStep.merge(console, runs, out);
    }
}
