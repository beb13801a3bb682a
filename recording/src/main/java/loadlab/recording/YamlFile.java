package loadlab.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML file the user wrote (a profile, a fault schedule, a gate spec), read into plain maps and
 * lists; a file that is missing, unreadable or not YAML is one sentence naming it (and the line),
 * the same for every such file.
 */
public final class YamlFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFile() {}

    /** @param what how the sentence names the file, e.g. "the gate spec" or "--profile" */
    public static Object read(Path file, String what) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException(what + " " + file + " is a directory, not a YAML file");
        try {
            return YAML.readValue(Files.readAllBytes(file), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlProblem.of(what + " " + file, e));
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " " + file + " " + FileProblem.of(e));
        }
    }

    /** The same for YAML shipped as text; {@code where} names it. */
    public static Object parse(String yaml, String where) {
        try {
            return YAML.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlProblem.of(where, e));
        }
    }
}
