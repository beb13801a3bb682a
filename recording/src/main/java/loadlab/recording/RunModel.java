package loadlab.recording;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a run made its load: an open model (arrivals on a schedule, response time from the intended
 * start), a closed one (a fixed number of users, each waiting for its answer: coordinated omission
 * is not corrected), or JMH microbenchmarks.
 */
public enum RunModel {
    OPEN, CLOSED, JMH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunModel parse(String id) {
        for (RunModel m : values()) if (m.id().equals(id)) return m;
        throw new IllegalArgumentException("unknown model '" + id + "' (expected open, closed or jmh)");
    }

    public RunKind kind() {
        return this == JMH ? RunKind.BENCH : RunKind.LOAD;
    }
}
