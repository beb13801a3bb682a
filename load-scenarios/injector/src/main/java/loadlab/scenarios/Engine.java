package loadlab.scenarios;

import java.util.Locale;

/**
 * Which engine drives a run. {@link #REQUESTS} is loadlab's own (Netty, nanosecond schedule) for
 * request workloads; {@link #GATLING} runs user journeys (multi-step sessions) on Gatling, whose
 * schedule has millisecond resolution.
 */
public enum Engine {
    REQUESTS,
    GATLING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Engine parse(String text) {
        for (Engine e : values()) if (e.id().equals(text)) return e;
        throw new IllegalArgumentException("--engine '" + text + "' is not known; use requests or gatling");
    }
}
