package loadlab.injector.internal.run;

import java.util.Map;

import loadlab.injector.internal.live.LiveSpec;
import loadlab.injector.internal.engine.IdleWait;
import loadlab.scenarios.requests.RequestSpec;
import loadlab.scenarios.faults.FaultAction;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.AbortPlan;

/**
 * Everything one load run needs, as plain values: handed from the command line to the injector
 * JVM as a JSON file. Build one with {@link #builder} (JMH's {@code OptionsBuilder} is the model):
 * the command line and the tests set what they mean and leave the rest to the defaults written here
 * once.
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
 * @param live             where results are pushed while the run runs ({@code --live}); null: nowhere
 */
public record RunSpec(String name, String scenario, String target, ProfileSpec profile, String segment, long requestTimeoutMs,
                      Map<String, String> params, String runDir, String metricsUrl, boolean terminal,
                      Map<String, String> service, Engine engine, int connections, boolean insecure, Long poissonSeed,
                      RequestSpec requests, String classpath, IdleWait idle, FaultSchedule faults, FaultAction clearFaults,
                      Long startAtMillis, AbortPlan abort, LiveSpec live) {
    /** A request without an answer by then is a timeout error, unless the run says otherwise ({@code --timeout}). */
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
    /** The request engine's connection limit unless the run says otherwise ({@code --connections}). */
    public static final int DEFAULT_CONNECTIONS = 64;

    public RunSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
        service = service == null ? Map.of() : Map.copyOf(service);
        if (engine == null) engine = Engine.defaultFor(scenario);
        if (idle == null) idle = IdleWait.SLEEP;
        if (faults == null) faults = FaultSchedule.none();
        if (requests == null) requests = RequestSpec.get();
    }

    /** A run of {@code scenario} against {@code target} under {@code profile}, on the scenario's default engine; the rest at their defaults. */
    public static Builder builder(String scenario, String target, ProfileSpec profile) {
        return new Builder(scenario, target, profile);
    }

    /** A builder holding every value of this spec, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(scenario, target, profile);
        b.name = name;
        b.segment = segment;
        b.requestTimeoutMs = requestTimeoutMs;
        b.params = params;
        b.runDir = runDir;
        b.metricsUrl = metricsUrl;
        b.terminal = terminal;
        b.service = service;
        b.engine = engine;
        b.connections = connections;
        b.insecure = insecure;
        b.poissonSeed = poissonSeed;
        b.requests = requests;
        b.classpath = classpath;
        b.idle = idle;
        b.faults = faults;
        b.clearFaults = clearFaults;
        b.startAtMillis = startAtMillis;
        b.abort = abort;
        b.live = live;
        return b;
    }

    /** Sets what a run means; whatever is not set keeps the default the record's parameters describe. */
    public static final class Builder {
        private final String scenario;
        private final String target;
        private final ProfileSpec profile;
        private String name;
        private String segment;
        private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
        private Map<String, String> params = Map.of();
        private String runDir;
        private String metricsUrl;
        private boolean terminal;
        private Map<String, String> service = Map.of();
        private Engine engine;
        private int connections = DEFAULT_CONNECTIONS;
        private boolean insecure;
        private Long poissonSeed;
        private RequestSpec requests;
        private String classpath;
        private IdleWait idle;
        private FaultSchedule faults;
        private FaultAction clearFaults;
        private Long startAtMillis;
        private AbortPlan abort;
        private LiveSpec live;

        private Builder(String scenario, String target, ProfileSpec profile) {
            this.scenario = scenario;
            this.target = target;
            this.profile = profile;
            this.name = scenario;
            this.engine = Engine.defaultFor(scenario);
        }

        public Builder name(String v) { name = v; return this; }
        public Builder segment(String v) { segment = v; return this; }
        public Builder requestTimeoutMs(long v) { requestTimeoutMs = v; return this; }
        public Builder params(Map<String, String> v) { params = v; return this; }
        public Builder runDir(String v) { runDir = v; return this; }
        public Builder metricsUrl(String v) { metricsUrl = v; return this; }
        public Builder terminal(boolean v) { terminal = v; return this; }
        public Builder service(Map<String, String> v) { service = v; return this; }
        public Builder engine(Engine v) { engine = v; return this; }
        public Builder connections(int v) { connections = v; return this; }
        public Builder insecure(boolean v) { insecure = v; return this; }
        public Builder poissonSeed(Long v) { poissonSeed = v; return this; }
        public Builder requests(RequestSpec v) { requests = v; return this; }
        public Builder classpath(String v) { classpath = v; return this; }
        public Builder idle(IdleWait v) { idle = v; return this; }
        public Builder faults(FaultSchedule v) { faults = v; return this; }
        public Builder clearFaults(FaultAction v) { clearFaults = v; return this; }
        public Builder startAtMillis(Long v) { startAtMillis = v; return this; }
        public Builder abort(AbortPlan v) { abort = v; return this; }
        public Builder live(LiveSpec v) { live = v; return this; }

        public RunSpec build() {
            return new RunSpec(name, scenario, target, profile, segment, requestTimeoutMs, params, runDir, metricsUrl, terminal, service,
                    engine, connections, insecure, poissonSeed, requests, classpath, idle, faults, clearFaults, startAtMillis, abort, live);
        }
    }

    /** When the profile (its warm-up first) is to begin, as epoch milliseconds, for measuring to begin at {@code startAtMillis}; null without one. */
    public Long profileStartMillis(long warmupSeconds) {
        return startAtMillis == null ? null : startAtMillis - warmupSeconds * 1000;
    }
}
