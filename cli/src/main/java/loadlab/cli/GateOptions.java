package loadlab.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** What a gate needs beside its spec, shared by {@code gate} and {@code run --gate}. */
final class GateOptions {
    @Option(names = "--baseline", paramLabel = "DIR", description = "The run to compare with (needed by relative checks).")
    Path baseline;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the checks as JUnit XML test cases.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the verdict as Markdown (and append it to $GITHUB_STEP_SUMMARY when set).")
    Path markdown;

    boolean anyGiven() {
        return baseline != null || junit != null || markdown != null;
    }
}
