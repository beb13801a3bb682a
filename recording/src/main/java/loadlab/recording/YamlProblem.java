package loadlab.recording;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML file that does not parse, as one sentence naming the file and the line and column where
 * the parser gave up (not where the construct it was inside began), without the parser's source
 * dump. Every YAML the user writes (request files, profiles, fault schedules, gate specs) is
 * refused in these words.
 */
public final class YamlProblem {
    private YamlProblem() {}

    /** @param file how to name the file in the sentence */
    public static String of(String file, JsonProcessingException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        String reason = e.getOriginalMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                column = m.getProblemMark().getColumn() + 1;
                reason = m.getProblem();
            }
        }
        String at = line < 0 ? "" : " at line " + line + ", column " + column;
        return file + " is not valid YAML" + at + ": " + clean(reason) + "; check the indentation and quoting there";
    }

    private static String clean(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        String reason = first.replaceAll("\\s*at \\[Source:.*$", "").replaceAll("\\s*\\(code \\d+\\)", "").strip();
        return reason.isEmpty() ? "it cannot be parsed" : reason;
    }
}
