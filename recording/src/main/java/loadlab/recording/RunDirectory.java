package loadlab.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's files go: {@code runs/<UTC timestamp>-<name>/}, with {@code runs/latest} pointing
 * at the newest. The run directory is the only contract between measuring and analysing.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunDirectory() {}

    /** Creates a fresh run directory under {@code root}; a clear message when that is not possible. */
    public static Path create(Path root, String name, Instant now) {
        String base = STAMP.format(now) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(root);
            Path dir = root.resolve(base);
            for (int i = 2; Files.exists(dir); i++) dir = root.resolve(base + "-" + i);
            Files.createDirectory(dir);
            if (!Files.isWritable(dir)) throw new IOException("not writable");
            return dir;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create a run directory under " + root + " (" + e.getMessage()
                    + "); pass --out with a writable directory");
        }
    }

    /** Points {@code root/latest} at {@code dir}, replacing the old link atomically. */
    public static void markLatest(Path root, Path dir) {
        try {
            Path tmp = root.resolve(".latest-" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, root.toAbsolutePath().relativize(dir.toAbsolutePath()));
            Files.move(tmp, root.resolve("latest"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + root.resolve("latest") + ": " + e.getMessage(), e);
        }
    }
}
