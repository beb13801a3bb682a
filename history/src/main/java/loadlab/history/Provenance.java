package loadlab.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a point was measured on: the commit and branch of the code, the commit's time (the order of
 * a series), and the testbed (the machine or environment, so figures from different hardware never
 * share a series).
 *
 * @param commit     the commit's id, or null when unknown
 * @param branch     the branch, or null when unknown
 * @param commitTime when the commit was made; a series is ordered by it
 * @param testbed    where it ran
 */
public record Provenance(String commit, String branch, Instant commitTime, String testbed) {
    public static final String DEFAULT_TESTBED = "default";

    public Provenance {
        if (commitTime == null) throw new IllegalArgumentException("a point needs its commit time; pass --commit-time (ISO-8601, e.g. 2026-12-04T08:00:00Z)");
        testbed = testbed == null || testbed.isBlank() ? DEFAULT_TESTBED : testbed;
    }

    /** ISO-8601 with an offset, as git and people write it: {@code 2026-12-04T08:00:00Z}, {@code 2026-12-04T09:00:00+01:00}. */
    public static Instant time(String text, String flag) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " '" + text + "' is not an ISO-8601 time with an offset; write it like 2026-12-04T08:00:00Z");
        }
    }

    /**
     * The checkout's HEAD as git reports it from {@code dir}: commit, branch (null when detached)
     * and committer time; null when {@code dir} is not in a git checkout or git is missing.
     */
    public static Provenance ofCheckout(Path dir, String testbed) {
        String commit = git(dir, "rev-parse", "HEAD");
        if (commit == null) return null;
        String branch = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
        String time = git(dir, "show", "-s", "--format=%cI", "HEAD");
        return new Provenance(commit, "HEAD".equals(branch) ? null : branch, time == null ? null : time(time, "git's commit time"), testbed);
    }

    private static String git(Path dir, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
