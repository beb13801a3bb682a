package loadlab.scenarios;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The base of a user journey kept outside loadlab ({@code loadlab run --simulation MyJourney.java}):
 * a multi-step session on Gatling. Write only the steps; this class does the timing plumbing that a
 * hand-written simulation can forget (each user's intended start first, the profile's injection,
 * the protocol, the start of counting), so every request is timed and recorded like loadlab's own.
 *
 * <pre>
 * public class MyJourney extends loadlab.scenarios.Journey {
 *     protected ChainBuilder steps(RunContext run) {
 *         return exec(run.timing().request("home", http("home").get("/")))
 *                 .pause(Duration.ofMillis(500))
 *                 .exec(run.timing().request("search", http("search").get("/search?q=" + run.param("q", "alpha"))));
 *     }
 * }
 * </pre>
 *
 * Every request goes through {@code run.timing().request(name, ...)}: that is what records it.
 * {@link #steps} is called while this base class is constructed, so build everything inside it
 * (fields of the subclass are not set yet).
 */
public abstract class Journey extends Simulation {
    private final RunContext run = RunContext.current();

    protected Journey() {
        ScenarioBuilder users = scenario(getClass().getSimpleName()).exec(run.timing().arrive()).exec(steps(run));
        setUp(run.inject(users)).protocols(run.protocol());
    }

    /** What one arriving user does, step by step; each request through {@code run.timing().request(...)}. */
    protected abstract ChainBuilder steps(RunContext run);

    @Override
    public final void before() {
        run.started();
    }
}
