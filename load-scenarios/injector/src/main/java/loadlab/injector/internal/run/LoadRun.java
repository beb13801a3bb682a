package loadlab.injector.internal.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.injector.internal.run.RunSpec;

/**
 * Runs one load run in its own injector JVM ({@link InjectorMain}) and waits for it. The child
 * gets the terminal's output when there is one (for its live progress line); otherwise its output
 * is relayed line by line. Its standard input is a pipe this process never writes to: when this
 * process ends, however it ends, the pipe closes and the injector stops. If this process is
 * interrupted, the child (which receives the same Ctrl-C) finishes its run directory and this
 * process waits for it. The spec file is private to the user (0600) and removed by the injector.
 */
public final class LoadRun {
    /**
     * How the run ended and where its files are.
     *
     * @param run the run directory read back through its model, or null when the injector left none
     * @param unreadable what went wrong when the run directory could not be read back ("wrote no run.json"), else null
     */
    public record Result(int exitCode, Path runDir, RunDirectory run, String unreadable) {}

    private LoadRun() {}

    public static Result run(RunSpec spec, Path runsRoot, PrintWriter out, boolean terminal) throws IOException, InterruptedException {
        return run(spec, runsRoot, out, terminal, dir -> { });
    }

    /**
     * @param afterInterruption called with the run directory when this process is interrupted
     *                          (Ctrl-C) and the injector has finished the directory, e.g. to build its report
     */
    public static Result run(RunSpec spec, Path runsRoot, PrintWriter out, boolean terminal, Consumer<Path> afterInterruption)
            throws IOException, InterruptedException {
        String prefix = System.getenv("LOADLAB_INJECTOR_PREFIX");
        return run(spec, runsRoot, out, terminal, prefix == null || prefix.isBlank() ? List.of() : List.of(prefix.trim().split("\\s+")),
                afterInterruption);
    }

    public static Result run(RunSpec spec, Path runsRoot, PrintWriter out, boolean terminal, List<String> commandPrefix)
            throws IOException, InterruptedException {
        return run(spec, runsRoot, out, terminal, commandPrefix, dir -> { });
    }

    /**
     * @param commandPrefix words put before the injector's command line, e.g. a profiler or
     *                      {@code strace -f -e trace=connect -o FILE} to see every connection it makes
     */
    public static Result run(RunSpec spec, Path runsRoot, PrintWriter out, boolean terminal, List<String> commandPrefix,
                             Consumer<Path> afterInterruption) throws IOException, InterruptedException {
        Path specFile = Files.createTempFile("loadlab-run-", ".json", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(specFile, RunFiles.JSON.writeValueAsBytes(spec));
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(command(specFile, spec.classpath()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (terminal) builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process child = builder.start();
        Thread waitForChild = new Thread(() -> {
            child.destroy(); // SIGTERM: the injector's own shutdown hook finishes the run directory
            try {
                if (!child.waitFor(60, TimeUnit.SECONDS)) child.destroyForcibly();
            } catch (InterruptedException ignored) {
                child.destroyForcibly();
                return;
            }
            Path dir = Path.of(spec.runDir());
            if (!Files.exists(dir.resolve(Summary.FILE))) return;
            try {
                afterInterruption.accept(dir);
            } catch (RuntimeException e) {
                System.err.println("loadlab: " + e.getMessage());
            }
        }, "loadlab-wait-for-injector");
        Runtime.getRuntime().addShutdownHook(waitForChild);
        try {
            if (!terminal) {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        out.println(line);
                        out.flush();
                    }
                }
            }
            int exit = child.waitFor();
            Path dir = Path.of(spec.runDir());
            if (!Files.exists(dir.resolve(RunManifest.FILE))) return new Result(exit, dir, null, "wrote no run.json");
            try {
                RunDirectory run = RunDirectory.open(dir);
                try {
                    RunDirectory.markLatest(runsRoot, dir);
                } catch (UncheckedIOException e) { // the run is whole; only the shortcut to it is missing
                    out.println("loadlab: " + e.getMessage() + "; the run directory is " + dir);
                }
                return new Result(exit, dir, run, null);
            } catch (IllegalArgumentException damaged) {
                return new Result(exit, dir, null, "left a run directory that cannot be read: " + damaged.getMessage());
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(waitForChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the child
            }
            Files.deleteIfExists(specFile);
            child.getOutputStream().close();
        }
    }

    private static List<String> command(Path specFile, String journeyClasspath) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        String extra = System.getenv("LOADLAB_INJECTOR_JAVA_OPTS");
        boolean ownGc = extra != null && extra.matches(".*-XX:\\+Use\\w+GC.*");
        if (!ownGc) cmd.add("-XX:+UseG1GC");
        if (extra == null || !extra.contains("-Xms")) cmd.add("-Xms256m");
        cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED"); // Gatling's log writer needs it
        if (Runtime.version().feature() >= 22) cmd.add("--enable-native-access=ALL-UNNAMED"); // Netty on recent JDKs
        if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path") + (journeyClasspath == null ? "" : File.pathSeparator + journeyClasspath));
        cmd.add(InjectorMain.class.getName());
        cmd.add(specFile.toString());
        return cmd;
    }
}
