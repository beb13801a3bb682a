package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import loadlab.recording.RunDirectory;
import loadlab.reports.html.RunReport;

/** The last step of run, bench, demo and merge: build the run's report.html and say where it is, how big, and how long it took. */
final class ReportStep {
    private ReportStep() {}

    /** Run directories whose report this process already built: Ctrl-C and the normal end may race, the line is printed once. */
    private static final Set<Path> BUILT = ConcurrentHashMap.newKeySet();

    static Path build(PrintWriter out, Path runDir) {
        return build(out, runDir, () -> RunReport.write(runDir));
    }

    /** For a run already opened through its model: its logs are not read twice. */
    static Path build(PrintWriter out, RunDirectory run) {
        return build(out, run.path(), () -> RunReport.write(run));
    }

    private static Path build(PrintWriter out, Path runDir, Supplier<Path> write) {
        if (!BUILT.add(runDir.toAbsolutePath().normalize())) return runDir.resolve(RunReport.FILE);
        long start = System.nanoTime();
        Path page = write.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes;
        try {
            bytes = Files.size(page);
        } catch (IOException e) {
            bytes = -1;
        }
        out.printf(Locale.ROOT, "report: %s (%.0f KB, built in %.1f s)%n", page, bytes / 1024.0, seconds);
        out.flush();
        return page;
    }
}
