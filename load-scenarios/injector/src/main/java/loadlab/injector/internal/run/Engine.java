package loadlab.injector.internal.run;

import java.util.Locale;
import java.util.Set;

import loadlab.scenarios.Scenarios;

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

    /** Scenarios that are request workloads, which the request engine runs: one request ({@code http-get}) or a request file. */
    public static final Set<String> REQUEST_WORKLOADS = Set.of("http-get", "requests");

    /** The engine a scenario runs on unless the user says otherwise: single requests on loadlab's own, journeys on Gatling. */
    public static Engine defaultFor(String scenario) {
        return REQUEST_WORKLOADS.contains(scenario) ? REQUESTS : GATLING;
    }

    /** Refuses a scenario this engine cannot run, in one sentence. */
    public void check(String scenario) {
        if (this == GATLING && "requests".equals(scenario)) {
            throw new IllegalArgumentException("--requests files run on the request engine; drop --engine gatling");
        }
        if (this == REQUESTS && !REQUEST_WORKLOADS.contains(scenario)) {
            throw new IllegalArgumentException("the " + scenario + " scenario is a multi-step journey that runs on Gatling; drop --engine "
                    + "requests or use --engine gatling");
        }
    }

    public static Engine parse(String text) {
        for (Engine e : values()) if (e.id().equals(text)) return e;
        throw new IllegalArgumentException("--engine '" + text + "' is not known; use requests or gatling");
    }
}
