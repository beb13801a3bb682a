package loadlab.injector.internal.engine;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.ClosedProfile;
import loadlab.scenarios.profile.LoadProfile;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.requests.RequestMix;

/**
 * Runs a load profile of one request against a target on Netty: an open profile as arrivals at
 * their intended nanosecond, a closed one as users that each send the next request when the last
 * is answered. Records every request through {@link RunRecorder}, like every engine.
 */
public final class RequestEngine implements AutoCloseable {
    /** How the engine names itself in run.json and the report. */
    public static final String NAME = "loadlab-requests 1";
    private static final long PREPARE_NANOS = Duration.ofMillis(200).toNanos();

    private final EventLoopGroup group;
    private final List<Lane> lanes = new ArrayList<>();
    private final EngineOptions options;

    /** What the engine saw besides what it recorded (blocked time goes to the recorder like every figure). */
    public record Report(long connectionsOpened, String transport, String lastFailure) {}

    public RequestEngine(EngineOptions options) {
        this.options = options;
        this.group = EngineChannels.group(options.eventLoops(), options.idle());
    }

    public static String transport() {
        return EngineChannels.transport();
    }

    /**
     * Runs {@code profile} against {@code target} and returns when every request has its answer (or
     * its timeout), or when {@link #stop()} was called. Counting starts after the warm-up.
     */
    public Report run(URI target, RequestMix mix, LoadProfile profile, RunRecorder recorder, String userAgent)
            throws InterruptedException {
        return run(target, mix, profile, recorder, userAgent, null);
    }

    /**
     * @param startNanos when the profile (its warm-up first) is to begin, on the {@link System#nanoTime()} clock; null for as soon
     *                   as the connections are open. A time already past begins it at once.
     */
    public Report run(URI target, RequestMix mix, LoadProfile profile, RunRecorder recorder, String userAgent, Long startNanos)
            throws InterruptedException {
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        String host = target.getHost();
        int port = target.getPort() > 0 ? target.getPort() : https ? 443 : 80;
        String hostHeader = target.getPort() > 0 ? target.getRawAuthority().replaceFirst("^.*@", "") : host;
        SslContext tls = https ? EngineChannels.tls(options.insecure()) : null;
        Bootstrap bootstrap = EngineChannels.bootstrap(group, host, port);
        int loops = options.eventLoops();
        long timeout = options.timeout().toNanos();
        int totalPool = profile instanceof ClosedProfile closed ? closed.concurrency() : options.connections();
        long total = (profile.warmupSeconds() + profile.measuredSeconds()) * 1_000_000_000L;

        List<EventLoop> eventLoops = new ArrayList<>();
        group.forEach(e -> eventLoops.add((EventLoop) e));
        if (options.idle() == IdleWait.TIGHT) for (EventLoop loop : eventLoops) loop.execute(TimerSlack::tighten);
        long zero = System.nanoTime() + PREPARE_NANOS;
        for (int i = 0; i < loops; i++) {
            int pool = (int) LoadProfile.part(totalPool, i + 1, loops);
            if (pool < 1) continue;
            ArrivalClock clock = profile instanceof OpenProfile open
                    ? new ArrivalClock(open.perSecond(), phase(open.segment()), options.poissonSeed(), i, loops) : null;
            lanes.add(new Lane(eventLoops.get(i % eventLoops.size()), bootstrap,
                    exchange -> new EngineChannels.Initializer(exchange, tls, host, port, !options.insecure()),
                    clock, zero, zero + total, pool, mix, seed(i), hostHeader, userAgent, timeout, recorder));
        }
        List<CompletableFuture<Void>> pools = new ArrayList<>();
        for (Lane lane : lanes) pools.add(lane.warmPool());
        try {
            CompletableFuture.allOf(pools.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // connections that did not open are opened again on demand and fail there, as errors
        }
        zero = Math.max(startNanos != null ? startNanos : zero, System.nanoTime());
        recorder.countFrom(zero + profile.warmupSeconds() * 1_000_000_000L);
        for (Lane lane : lanes) {
            lane.moveZero(zero, zero + total);
            lane.start();
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(lanes.stream().map(Lane::done).toArray(CompletableFuture[]::new));
        try {
            all.get(total / 1_000_000 + timeout / 1_000_000 + 30_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the request engine did not finish: " + e, e);
        }
        long opened = 0;
        String failure = null;
        for (Lane lane : lanes) {
            opened += lane.connectionsOpened();
            if (lane.lastFailure() != null) failure = String.valueOf(lane.lastFailure().getMessage());
        }
        return new Report(opened, transport(), failure);
    }

    /** Each loop's picks and draws: repeatable, different per loop, and different again under another Poisson seed. */
    private long seed(int loop) {
        return (options.poissonSeed() == null ? 42 : options.poissonSeed()) * 1_000_003L + loop;
    }

    /** Where in each gap evenly spaced arrivals fall: segment K of N takes (K-1)/N, so segments interleave. */
    private static double phase(String segment) {
        if (segment == null) return 0;
        String[] kn = segment.split("/");
        return (Integer.parseInt(kn[0]) - 1) / (double) Integer.parseInt(kn[1]);
    }

    /** Stops pacing; requests in flight still get their answers or time out. */
    public void stop() {
        for (Lane lane : lanes) lane.stop();
    }

    @Override
    public void close() {
        for (Lane lane : lanes) lane.closeAll();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
