package loadlab.injector.internal.gatling;

import static io.gatling.javaapi.http.HttpDsl.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import loadlab.recording.RunRecorder;
import loadlab.recording.Tool;
import loadlab.scenarios.profile.ClosedProfile;
import loadlab.scenarios.profile.LoadProfile;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.injector.internal.run.RunSpec;
import loadlab.scenarios.Timing;
import loadlab.scenarios.RunContext;

/**
 * The injector's {@link RunContext} on Gatling: the target, the profile, the parameters and the
 * timing bridge of one run. Gatling instantiates simulations by class name, so the injector
 * installs this ({@link RunContext#install}) before starting Gatling and the simulation picks it up.
 */
public final class GatlingRunContext implements RunContext {
    private final RunSpec spec;
    private final URI target;
    private final LoadProfile profile;
    private final RunRecorder recorder;
    private final Schedule schedule;
    private final Timing timing;

    public GatlingRunContext(RunSpec spec, LoadProfile profile, RunRecorder recorder) {
        this.spec = spec;
        this.target = URI.create(spec.target());
        this.profile = profile;
        this.recorder = recorder;
        long warmupNanos = profile.warmupSeconds() * 1_000_000_000L;
        this.schedule = profile instanceof OpenProfile open
                ? new Schedule(GatlingInjection.open(open), warmupNanos, zero -> recorder.countFrom(zero + warmupNanos)) : null;
        this.timing = new GatlingTiming(recorder, schedule, spec.requestTimeoutMs() * 1_000_000L);
    }

    @Override
    public Timing timing() {
        return timing;
    }

    @Override
    public URI target() {
        return target;
    }

    /** A scenario parameter ({@code --param key=value}), or the default. */
    @Override
    public String param(String key, String fallback) {
        return spec.params().getOrDefault(key, fallback);
    }

    /** Every scenario parameter given. */
    @Override
    public Map<String, String> params() {
        return spec.params();
    }

    /**
     * The HTTP protocol every loadlab scenario shares: connections pooled across users (as
     * clients behind a load balancer reuse them), no caching, no Gatling warm-up request.
     */
    @Override
    public HttpProtocolBuilder protocol() {
        String base = target.getScheme() + "://" + target.getRawAuthority();
        return http.baseUrl(base).shareConnections().disableWarmUp().disableCaching()
                .acceptHeader("application/json").userAgentHeader("loadlab/" + Tool.buildVersion());
    }

    /** The scenario under this run's profile. */
    @Override
    public PopulationBuilder inject(ScenarioBuilder scenario) {
        if (profile instanceof OpenProfile open) {
            List<OpenInjectionStep> steps = new ArrayList<>();
            long wait = untilProfileStartMillis();
            // Gatling counts from its own start: nothing until the profile's start, so the warm-up ends at --start-at (plus Gatling's
            // own start-up, some hundreds of milliseconds, which run.json records); the schedule's zero is still fixed from arrivals
            if (wait > 0) steps.add(CoreDsl.nothingFor(Duration.ofMillis(wait)));
            steps.addAll(GatlingInjection.open(open));
            return scenario.injectOpen(steps);
        }
        return scenario.injectClosed(GatlingInjection.closed((ClosedProfile) profile));
    }

    /**
     * Called from {@code Simulation.before()}. A closed model (with {@code --start-at}, after
     * waiting for the profile's start) counts from here, after the warm-up; an open model counts
     * from its schedule's time zero, fixed when the first user arrives.
     */
    @Override
    public void started() {
        if (schedule == null) {
            long wait = untilProfileStartMillis(); // a closed model starts its users when this returns
            if (wait > 0) LockSupport.parkNanos(wait * 1_000_000);
        }
        if (schedule == null) recorder.countFrom(System.nanoTime() + profile.warmupSeconds() * 1_000_000_000L);
    }

    /** How long until the profile (its warm-up first) is to begin for measuring to begin at {@code --start-at}; 0 without one. */
    private long untilProfileStartMillis() {
        Long start = spec.profileStartMillis(profile.warmupSeconds());
        return start == null ? 0 : start - System.currentTimeMillis();
    }
}
