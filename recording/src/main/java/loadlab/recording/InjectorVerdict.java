package loadlab.recording;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the load generator produced the load it claims: a run it could not produce is INVALID. */
public enum InjectorVerdict {
    OK, INVALID;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InjectorVerdict parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
