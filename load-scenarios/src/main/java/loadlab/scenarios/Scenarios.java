package loadlab.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scenarios {@code loadlab run --scenario NAME} knows. A scenario says what one arriving user
 * does; the profile says how many arrive. To add one, write a Gatling {@code Simulation} that builds
 * its chain from {@link RunContext#current()} (its {@code timing().arrive()} first, each request
 * through {@code timing().request(...)}, then {@code setUp(run.inject(...))}), and register it here.
 */
public final class Scenarios {
    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("http-get", HttpGetSimulation.class);
        BY_NAME.put("timeline", TimelineSimulation.class);
    }

    private Scenarios() {}

    public static Class<?> simulation(String name) {
        Class<?> c = BY_NAME.get(name);
        if (c == null) throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        return c;
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
