package loadlab.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scenarios {@code loadlab run --scenario NAME} knows, each with the check of its parameters.
 * A scenario says what one arriving user does; the profile says how many arrive. To add one, write
 * a Gatling {@code Simulation} that builds its chain from {@link RunContext#current()} (its
 * {@code timing().arrive()} first, each request through {@code timing().request(...)}, then
 * {@code setUp(run.inject(...))}), and register it here with the check of its parameters.
 */
public final class Scenarios {
    private record Scenario(Class<?> simulation, Consumer<Map<String, String>> check) {}

    private static final Map<String, Scenario> BY_NAME = new LinkedHashMap<>();
    /** The prefix of a user's own journey's scenario name, followed by its class. */
    public static final String JOURNEY = "journey:";

    static {
        BY_NAME.put("http-get", new Scenario(HttpGetSimulation.class, params -> {
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("the http-get scenario takes no parameters, and --param gave "
                        + String.join(", ", params.keySet()));
            }
        }));
        BY_NAME.put("timeline", new Scenario(TimelineSimulation.class, TimelineParams::of));
        BY_NAME.put("requests", new Scenario(null, params -> {
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("a request file takes no --param; put variables in the file, and --param gave "
                        + String.join(", ", params.keySet()));
            }
        }));
    }

    private Scenarios() {}

    /** The Gatling simulation of a journey scenario; request workloads have none (the request engine runs them). */
    public static Class<?> simulation(String name) {
        if (name.startsWith(JOURNEY)) {
            try {
                return Class.forName(name.substring(JOURNEY.length()));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("the journey " + name.substring(JOURNEY.length()) + " is not on the injector's classpath");
            }
        }
        Class<?> simulation = scenario(name).simulation();
        if (simulation == null) throw new IllegalArgumentException("the " + name + " workload runs on the request engine, not on Gatling");
        return simulation;
    }

    /** Checks a scenario's parameters before any load: one sentence naming the bad one. */
    public static void check(String name, Map<String, String> params) {
        if (name.startsWith(JOURNEY)) return; // a journey reads its own parameters with run.param(...)
        scenario(name).check().accept(params);
    }

    private static Scenario scenario(String name) {
        Scenario s = BY_NAME.get(name);
        if (s == null) throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        return s;
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
