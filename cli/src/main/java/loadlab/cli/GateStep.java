package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import loadlab.history.HistoryStore;
import loadlab.history.StableSegment;
import loadlab.recording.RunDirectory;
import loadlab.reports.changes.DetectionSettings;
import loadlab.reports.gate.Gate;
import loadlab.reports.gate.GateSpec;
import loadlab.reports.gate.GateVerdict;
import loadlab.reports.text.GateVerdictWriter;

/** Judges a run against a gate spec, prints the table, writes JUnit XML and Markdown, and returns the exit code. */
final class GateStep {
    private GateStep() {}

    static int judge(PrintWriter out, GateSpec spec, Path run, GateOptions options) {
        List<Path> baselines = options.baselines;
        if (options.history != null && spec.hasRelative()) {
            StableSegment segment;
            try (HistoryStore store = HistoryStore.open(options.history)) {
                segment = StableSegment.of(store, run, options.testbed, DetectionSettings.DEFAULT, options.historyRuns);
            }
            baselines = segment.runs();
            out.println("baseline from the history: " + baselines.size() + " run" + (baselines.size() == 1 ? "" : "s") + " of "
                    + String.join(", ", segment.series()) + (segment.since() == null ? " (no change point yet)" : " since the newest change point ("
                    + segment.since() + ")") + (segment.missing().isEmpty() ? "" : "; " + segment.missing().size() + " no longer on disk"));
        }
        GateVerdict verdict = Gate.judge(spec, run, baselines, options.options());
        GateVerdictWriter.printTable(verdict, out);
        if (options.junit != null) write(options.junit, GateVerdictWriter.junitXml(verdict), false);
        String md = GateVerdictWriter.markdown(verdict);
        if (options.markdown != null) write(options.markdown, md, false);
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) write(Path.of(summary), md, true);
        return verdict.passed() ? Loadlab.OK : Loadlab.CHECK_FAILED;
    }

    /** Checks what a gate needs before a run spends minutes on load. */
    static GateSpec prepare(Path specFile, GateOptions options) {
        List<Path> baselines = options.baselines;
        GateSpec spec = GateSpec.read(specFile);
        if (options.history != null && !baselines.isEmpty()) {
            throw new IllegalArgumentException("--history and --baseline both choose the baseline; give one of them");
        }
        if (options.historyRuns < 1) throw new IllegalArgumentException("--history-runs must be at least 1");
        baselines.replaceAll(RunDirectory::resolve);
        for (Path baseline : baselines) {
            if (!Files.isDirectory(baseline)) {
                throw new IllegalArgumentException("--baseline " + baseline + " is neither a run directory nor the name of one (runs/NAME "
                        + "for the newest run made with --name NAME); give one such as runs/latest or runs/main");
            }
        }
        if (spec.hasRelative() && baselines.isEmpty() && options.history == null) {
            throw new IllegalArgumentException("the gate spec " + specFile + " has relative checks; give the run to compare with as --baseline DIR, or a history as --history DB");
        }
        return spec;
    }

    private static void write(Path file, String text, boolean append) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
