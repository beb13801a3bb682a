package loadlab.scenarios;

import java.util.Map;

import loadlab.scenarios.profile.ProfileSpec;

/**
 * Everything one load run needs, as plain values: handed from the command line to the injector
 * JVM as a JSON file.
 *
 * @param segment          "K/N" to run injector K's share of the profile, or null
 * @param requestTimeoutMs a request without an answer by then is a timeout error, recorded at this value
 * @param metricsUrl       a Prometheus text endpoint to scrape every second, or null
 * @param terminal         whether progress goes to a terminal (one live line) or a log (a line every few seconds)
 * @param service          the reference service's set-up (backends, strategy) when loadlab started it, for run.json; else empty
 * @param engine           which engine drives the run
 * @param connections      the request engine's connection limit (the Gatling engine ignores it)
 * @param insecure         accept any TLS certificate
 * @param poissonSeed      null for evenly spaced arrivals, else the seed of Poisson arrivals (request engine)
 * @param requests         what the request engine sends (null: GET of the target URL)
 * @param classpath        a directory or jar holding a user's journey ({@code --simulation}), added to the injector's classpath; or null
 * @param idle             what the request engine's event loops do while they wait ({@code --idle}); null means sleep
 * @param faults           the faults to inject on the measured timeline ({@code --faults}); null means none
 * @param clearFaults      an action that clears every fault at once (the reference service's admin API), or null
 * @param startAtMillis    when to start measuring (epoch milliseconds, {@code --start-at}), the warm-up ending then; null: at once
 * @param abort            the checks that stop the run early when breached over a sliding window ({@code --abort-on}); null: none
 */
public record RunSpec(String name, String scenario, String target, ProfileSpec profile, String segment, long requestTimeoutMs,
                      Map<String, String> params, String runDir, String metricsUrl, boolean terminal,
                      Map<String, String> service, Engine engine, int connections, boolean insecure, Long poissonSeed,
                      loadlab.scenarios.engine.RequestSpec requests, String classpath, loadlab.scenarios.engine.IdleWait idle,
                      loadlab.scenarios.faults.FaultSchedule faults, loadlab.scenarios.faults.FaultAction clearFaults,
                      Long startAtMillis, loadlab.scenarios.run.AbortPlan abort) {
    /** A run that nothing stops early. */
    public RunSpec(String name, String scenario, String target, ProfileSpec profile, String segment, long requestTimeoutMs,
                   Map<String, String> params, String runDir, String metricsUrl, boolean terminal,
                   Map<String, String> service, Engine engine, int connections, boolean insecure, Long poissonSeed,
                   loadlab.scenarios.engine.RequestSpec requests, String classpath, loadlab.scenarios.engine.IdleWait idle,
                   loadlab.scenarios.faults.FaultSchedule faults, loadlab.scenarios.faults.FaultAction clearFaults, Long startAtMillis) {
        this(name, scenario, target, profile, segment, requestTimeoutMs, params, runDir, metricsUrl, terminal, service, engine, connections,
                insecure, poissonSeed, requests, classpath, idle, faults, clearFaults, startAtMillis, null);
    }

    public RunSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
        service = service == null ? Map.of() : Map.copyOf(service);
        if (engine == null) engine = Engine.GATLING;
        if (idle == null) idle = loadlab.scenarios.engine.IdleWait.SLEEP;
        if (faults == null) faults = loadlab.scenarios.faults.FaultSchedule.none();
        if (requests == null) requests = loadlab.scenarios.engine.RequestSpec.get();
    }

    /** When the profile (its warm-up first) is to begin, as epoch milliseconds, for measuring to begin at {@code startAtMillis}; null without one. */
    public Long profileStartMillis(long warmupSeconds) {
        return startAtMillis == null ? null : startAtMillis - warmupSeconds * 1000;
    }

    /** The engine a scenario runs on unless the user says otherwise: single requests on loadlab's own, journeys on Gatling. */
    public static Engine defaultEngine(String scenario) {
        return REQUEST_WORKLOADS.contains(scenario) ? Engine.REQUESTS : Engine.GATLING;
    }

    /** Scenarios that are request workloads, which the request engine runs: one request ({@code http-get}) or a request file. */
    public static final java.util.Set<String> REQUEST_WORKLOADS = java.util.Set.of("http-get", "requests");

    /** Refuses a scenario the chosen engine cannot run, in one sentence. */
    public static void checkEngine(Engine engine, String scenario) {
        if (engine == Engine.GATLING && "requests".equals(scenario)) {
            throw new IllegalArgumentException("--requests files run on the request engine; drop --engine gatling");
        }
        if (engine == Engine.REQUESTS && !REQUEST_WORKLOADS.contains(scenario)) {
            throw new IllegalArgumentException("the " + scenario + " scenario is a multi-step journey that runs on Gatling; drop --engine "
                    + "requests or use --engine gatling");
        }
    }
}
