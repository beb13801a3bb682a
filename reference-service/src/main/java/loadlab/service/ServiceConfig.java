package loadlab.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import loadlab.service.fault.Sleeper;
import loadlab.service.seed.SeedSpec;
import loadlab.service.timeline.ReadFanout;
import loadlab.service.timeline.TimelineStrategy;

/**
 * Everything the reference service is started with. Defaults need nothing installed: embedded
 * store, cache and stream, loopback only.
 *
 * @param store         {@code h2:mem}, {@code h2:file:PATH} or {@code postgres://user@host:port/db[?schema=s]}
 * @param cache         {@code caffeine} or {@code redis://host:port[/db][?prefix=p]}
 * @param stream        {@code in-process} or {@code redis://host:port[/db][?prefix=p]}
 * @param maxInFlight   requests served at once before new ones are shed with 503
 * @param maxQueueDelay how long a request may wait for a worker, once its last byte arrived, before it is shed
 * @param bodyTimeout   how long a client may take to send a request body before it is refused with 408
 * @param httpThreads   workers that serve requests (the ones that wait on building blocks)
 * @param faultRandom   where injected faults draw their chances (tests make it certain)
 * @param sleeper       how injected latency waits (tests observe it without waiting)
 * @param readFanout    cache shards a home-timeline read asks in parallel, and whether it hedges them; makes tail amplification measurable
 */
public record ServiceConfig(String host, int port, TimelineStrategy strategy, int celebrityThreshold, int timelineWindow,
                            String store, String cache, String stream, SeedSpec seed, int maxInFlight,
                            Duration maxQueueDelay, Duration bodyTimeout, int httpThreads, int storePoolSize, long cachedTimelines,
                            DoubleSupplier faultRandom, Sleeper sleeper, ReadFanout readFanout) {

    public ServiceConfig {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("--port must be from 0 to 65535, got " + port);
        if (timelineWindow < 1 || timelineWindow > 100_000) {
            throw new IllegalArgumentException("--timeline-window must be from 1 to 100000, got " + timelineWindow);
        }
        if (celebrityThreshold < 1) throw new IllegalArgumentException("--celebrity-threshold must be at least 1, got " + celebrityThreshold);
        if (maxInFlight < 1) throw new IllegalArgumentException("--max-in-flight must be at least 1, got " + maxInFlight);
        if (httpThreads < 1) throw new IllegalArgumentException("--http-threads must be at least 1, got " + httpThreads);
        if (maxQueueDelay.isNegative() || maxQueueDelay.isZero()) throw new IllegalArgumentException("--max-queue-delay must be positive, e.g. 500ms");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) throw new IllegalArgumentException("--body-timeout must be positive, e.g. 5s");
        if (storePoolSize < 1) throw new IllegalArgumentException("store pool size must be at least 1");
        if (readFanout == null) throw new IllegalArgumentException("a read fan-out is needed (ReadFanout.NONE for none)");
    }

    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8080, TimelineStrategy.HYBRID, 1_000, 800, "h2:mem", "caffeine", "in-process",
                SeedSpec.defaults(), 512, Duration.ofMillis(500), Duration.ofSeconds(5), 64, 16, 1_000_000,
                () -> ThreadLocalRandom.current().nextDouble(), Sleeper.REAL, ReadFanout.NONE);
    }

    public ServiceConfig withPort(int p) {
        return new ServiceConfig(host, p, strategy, celebrityThreshold, timelineWindow, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withHost(String h) {
        return new ServiceConfig(h, port, strategy, celebrityThreshold, timelineWindow, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withStrategy(TimelineStrategy s, int threshold) {
        return new ServiceConfig(host, port, s, threshold, timelineWindow, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withTimelineWindow(int w) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, w, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withBackends(String storeSpec, String cacheSpec, String streamSpec) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, timelineWindow, storeSpec, cacheSpec, streamSpec, seed,
                maxInFlight, maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withSeed(SeedSpec s) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, timelineWindow, store, cache, stream, s, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withShedding(int inFlight, Duration queueDelay, int threads) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, timelineWindow, store, cache, stream, seed, inFlight,
                queueDelay, bodyTimeout, threads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withBodyTimeout(Duration timeout) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, timelineWindow, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, timeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, readFanout);
    }

    public ServiceConfig withFaultHooks(DoubleSupplier random, Sleeper s) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, timelineWindow, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, random, s, readFanout);
    }

    public ServiceConfig withReadFanout(int k) {
        return withReadFanout(new ReadFanout(k, 0));
    }

    public ServiceConfig withReadFanout(ReadFanout f) {
        return new ServiceConfig(host, port, strategy, celebrityThreshold, timelineWindow, store, cache, stream, seed, maxInFlight,
                maxQueueDelay, bodyTimeout, httpThreads, storePoolSize, cachedTimelines, faultRandom, sleeper, f);
    }
}
