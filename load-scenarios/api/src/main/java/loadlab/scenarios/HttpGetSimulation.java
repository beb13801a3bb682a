package loadlab.scenarios;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * {@code http-get}: every arriving user GETs the target URL once, the wrk-like case. What it
 * imitates: independent clients hitting one endpoint, each on its own schedule.
 */
public class HttpGetSimulation extends Simulation {
    private final RunContext run = RunContext.current();

    {
        String path = run.target().getRawPath() == null || run.target().getRawPath().isEmpty() ? "/" : run.target().getRawPath();
        if (run.target().getRawQuery() != null) path += "?" + run.target().getRawQuery();
        ScenarioBuilder users = scenario("http-get")
                .exec(run.timing().arrive())
                .exec(run.timing().request("GET", http("GET").get(path)));
        setUp(run.inject(users)).protocols(run.protocol());
    }

    @Override
    public void before() {
        run.started();
    }
}
