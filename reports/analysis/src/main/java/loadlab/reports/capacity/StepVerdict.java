package loadlab.reports.capacity;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one step of a capacity search says: the target met every SLO at this load (pass), did not
 * (fail), or the step does not describe the target because the injector could not produce the load
 * or its own connection limit set the latency (invalid).
 */
public enum StepVerdict {
    PASS,
    FAIL,
    INVALID;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
