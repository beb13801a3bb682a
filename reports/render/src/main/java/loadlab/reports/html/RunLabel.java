package loadlab.reports.html;

import java.io.IOException;
import java.nio.file.Path;

/** A run's name as a reader knows it: its directory's own name, also when reached through {@code runs/latest}. */
final class RunLabel {
    private RunLabel() {}

    static String of(Path dir) {
        try {
            return dir.toRealPath().getFileName().toString();
        } catch (IOException | RuntimeException e) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            return name == null ? dir.toString() : name.toString();
        }
    }
}
