package loadlab.reports.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import loadlab.recording.RunDirectory;

/**
 * Builds {@code report.html}: one self-contained page per run directory, or one page comparing two.
 * It reads only the run directory (the contract with the measuring side), so a run from another
 * machine or merged from several injectors reports the same. A missing or damaged file is an
 * {@link IllegalArgumentException} whose message says which file and what to do.
 */
public final class RunReport {
    public static final String FILE = "report.html";

    private RunReport() {}

    /** Writes {@code report.html} into the run directory and returns its path. */
    public static Path write(Path runDir) {
        return write(RunDirectory.open(runDir));
    }

    /** Writes the report of a run already opened, so its logs are not validated a second time. */
    public static Path write(RunDirectory run) {
        String html = html(run);
        Path out = run.path().resolve(FILE);
        writeAtomically(out, html);
        return out;
    }

    public static String html(Path runDir) {
        return html(RunDirectory.open(runDir));
    }

    static String html(RunDirectory run) {
        return switch (run.kind()) {
            case LOAD -> LoadReport.html(List.of(LoadRunView.read(run)));
            case BENCH -> BenchReport.html(List.of(BenchRunView.read(run)));
        };
    }

    /** Writes one page with both runs overlaid, A the baseline and B the run compared with it. */
    public static Path compare(Path a, Path b, Path out) {
        return compare(RunDirectory.open(a), RunDirectory.open(b), out);
    }

    public static Path compare(RunDirectory ra, RunDirectory rb, Path out) {
        if (ra.kind() != rb.kind()) {
            throw new IllegalArgumentException("cannot compare " + ra.path() + " (a " + ra.kind().id() + " run) with " + rb.path() + " (a "
                    + rb.kind().id() + " run); compare two load runs or two bench runs");
        }
        String html = switch (ra.kind()) {
            case LOAD -> LoadReport.html(List.of(LoadRunView.read(ra), LoadRunView.read(rb)));
            case BENCH -> BenchReport.html(List.of(BenchRunView.read(ra), BenchRunView.read(rb)));
        };
        writeAtomically(out, html);
        return out;
    }

    /** Each writer has its own temporary file, so two builds of one report (a Ctrl-C racing the normal end) cannot mix. */
    static void writeAtomically(Path out, String html) {
        Path tmp = null;
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, ".report-", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
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
