package loadlab.recording;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Why a file the user named could not be read, as the end of a sentence that names the file
 * ("… does not exist"), never a Java exception's class name. Every reader of user files (request
 * files, CSVs, profiles, fault schedules, gate specs) says it the same way.
 */
public final class FileProblem {
    private FileProblem() {}

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) return "does not exist";
        if (e instanceof AccessDeniedException) return "is not readable (permission denied)";
        if (e instanceof FileSystemException f && f.getReason() != null) return "cannot be read (" + f.getReason() + ")";
        String m = e.getMessage();
        if (m != null && m.toLowerCase(Locale.ROOT).contains("is a directory")) return "is a directory, not a file";
        return "cannot be read" + (m == null || m.isBlank() ? "" : " (" + m.lines().findFirst().orElse("") + ")");
    }
}
