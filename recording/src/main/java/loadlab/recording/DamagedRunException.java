package loadlab.recording;

import java.nio.file.Path;

/**
 * A run directory with a file that is missing or cannot be trusted. Its message is one sentence
 * naming the file and what is wrong with it; commands turn it into exit code 2, never into figures.
 */
public class DamagedRunException extends IllegalArgumentException {
    private final Path file;

    public DamagedRunException(Path file, String sentence, Throwable cause) {
        super(sentence, cause);
        this.file = file;
    }

    /** {@code FILE WHAT} as one sentence: "runs/x/run.json is not valid JSON (...)". */
    public static DamagedRunException of(Path file, String what) {
        return new DamagedRunException(file, file + " " + what, null);
    }

    public Path file() {
        return file;
    }
}
