package loadlab.recording;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The one state every run directory is in, decided in one place, {@link RunSummarizer} (read through
 * {@link RunDirectory}), and shown the same way
 * by the console, {@code summary.json}, the report and the gate. Only a complete run describes its
 * target under the load it was asked for, so only a complete run can pass a gate. A run directory
 * with a missing or unreadable file has no state: {@link RunDirectory#open} refuses it.
 */
public enum RunState {
    /** The whole profile was produced and recorded. */
    COMPLETE,
    /** The injector could not produce the load (too few requests, or started too late): the figures describe the generator. */
    INVALID,
    /** Stopped before the end (Ctrl-C, a killed parent, a crashed injector, a full disk): what was recorded is kept. */
    INTERRUPTED,
    /** Nothing was counted. */
    EMPTY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
