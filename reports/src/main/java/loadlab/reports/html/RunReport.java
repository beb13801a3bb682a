package loadlab.reports.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.reports.bench.BenchSummary;

/**
 * Builds {@code report.html}: one self-contained page per run directory, or one page comparing two.
 * It reads only the run directory (the contract with the measuring side), so a run from another
 * machine or merged from several injectors reports the same. A missing or damaged file is an
 * {@link IllegalArgumentException} whose message says which file and what to do.
 */
public final class RunReport {
    public static final String FILE = "report.html";

    private RunReport() {}

    /** What a run directory holds. */
    public enum Kind { LOAD, BENCH }

    /** Writes {@code report.html} into the run directory and returns its path. */
    public static Path write(Path runDir) {
        String html = html(runDir);
        Path out = runDir.resolve(FILE);
        writeAtomically(out, html);
        return out;
    }

    public static String html(Path runDir) {
        return switch (kind(runDir)) {
            case LOAD -> LoadReport.html(List.of(LoadRunView.read(runDir)));
            case BENCH -> BenchReport.html(List.of(BenchRunView.read(runDir)));
        };
    }

    /** Writes one page with both runs overlaid, A the baseline and B the run compared with it. */
    public static Path compare(Path a, Path b, Path out) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            throw new IllegalArgumentException("cannot compare " + a + " (a " + ka.name().toLowerCase() + " run) with " + b + " (a "
                    + kb.name().toLowerCase() + " run); compare two load runs or two bench runs");
        }
        String html = switch (ka) {
            case LOAD -> LoadReport.html(List.of(LoadRunView.read(a), LoadRunView.read(b)));
            case BENCH -> BenchReport.html(List.of(BenchRunView.read(a), BenchRunView.read(b)));
        };
        writeAtomically(out, html);
        return out;
    }

    /** A load run or a bench run, from {@code summary.json}'s schema, or {@code run.json} when the summary is missing. */
    public static Kind kind(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + " is not a directory; pass a run directory such as runs/latest");
        }
        Path summary = runDir.resolve(RunFiles.SUMMARY);
        if (Files.isRegularFile(summary)) {
            JsonNode node = RunFiles.read(summary, JsonNode.class);
            String schema = node.path("schema").asText();
            if (Summary.SCHEMA.equals(schema)) return Kind.LOAD;
            if (BenchSummary.SCHEMA.equals(schema)) return Kind.BENCH;
            throw new IllegalArgumentException(summary + " has schema '" + schema + "', which this loadlab does not read (expected "
                    + Summary.SCHEMA + " or " + BenchSummary.SCHEMA + ")");
        }
        RunManifest m = RunFiles.read(runDir.resolve(RunManifest.FILE), RunManifest.class);
        return "jmh".equals(m.model()) ? Kind.BENCH : Kind.LOAD;
    }

    /** Each writer has its own temporary file, so two builds of one report (a Ctrl-C racing the normal end) cannot mix. */
    private static void writeAtomically(Path out, String html) {
        Path tmp = null;
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, ".report-", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // the platform's default permissions then
            }
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // moved into place, or nothing to clean
                }
            }
        }
    }
}
