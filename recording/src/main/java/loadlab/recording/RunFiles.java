package loadlab.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes the JSON files of a run directory. Writes go to a temporary file that is then
 * moved into place, so a reader (or an interrupted run) never sees half a file; a write that fails
 * (a full disk) leaves no temporary file behind and says which file in one sentence.
 */
public final class RunFiles {
    /** JMH's own result file in a bench run directory, kept as JMH wrote it; {@link BenchSummary#fromJmh} reads it. */
    public static final String JMH_JSON = "jmh.json";
    /** The target's Prometheus metrics, one scrape per line, written beside a load run by the injector's scraper. */
    public static final String SERVER_METRICS = "server-metrics.jsonl";

    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private RunFiles() {}

    public static void write(Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the sentence below names the file; a leftover cannot be helped
            }
            throw new UncheckedIOException("cannot write " + file + " (" + firstLine(e.getMessage()) + "); free some space or "
                    + "choose another --out", e);
        }
    }

    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) throw DamagedRunException.of(file, "is missing; is this a loadlab run directory?");
        try {
            T value = JSON.readValue(file.toFile(), type);
            if (value == null) throw DamagedRunException.of(file, "is empty (null)");
            return value;
        } catch (IOException e) {
            throw DamagedRunException.of(file, "is not valid " + type.getSimpleName() + " JSON: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
