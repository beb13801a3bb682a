package loadlab.scenarios;

import java.net.URI;
import java.util.Map;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What a simulation reads from the run that started it: the target, the parameters, and the timing
 * bridge its requests go through. The injector provides it (on Gatling) and installs it before
 * Gatling instantiates the simulation by class name; a journey only reads it. {@link #protocol},
 * {@link #inject} and {@link #started} are the plumbing {@link Journey} and the built-in scenarios
 * call so that every run is set up the same way.
 */
public interface RunContext {
    URI target();

    /** A scenario parameter ({@code --param key=value}), or the default. */
    String param(String key, String fallback);

    /** Every scenario parameter given. */
    Map<String, String> params();

    /** Where each arrival and each request is timed and recorded. */
    Timing timing();

    /**
     * The HTTP protocol every loadlab scenario shares: connections pooled across users (as
     * clients behind a load balancer reuse them), no caching, no Gatling warm-up request.
     */
    HttpProtocolBuilder protocol();

    /** The scenario under this run's profile. */
    PopulationBuilder inject(ScenarioBuilder scenario);

    /** Called from {@code Simulation.before()}: counting starts from here or from the schedule's time zero. */
    void started();

    /** Installs the run's context before Gatling starts the simulation; the injector calls it. */
    static void install(RunContext context) {
        CurrentRun.context = context;
    }

    /** The context of the run in progress. */
    static RunContext current() {
        RunContext c = CurrentRun.context;
        if (c == null) throw new IllegalStateException("loadlab simulations run under 'loadlab run', which sets up their context");
        return c;
    }
}
