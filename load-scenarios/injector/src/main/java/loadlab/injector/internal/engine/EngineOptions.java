package loadlab.injector.internal.engine;

import java.time.Duration;

/**
 * How the engine drives a target.
 *
 * @param connections the most connections open at once, over all event loops; an arrival that finds
 *                    none free waits for one, and that wait is blocked time
 * @param timeout     a request without a whole response by then is a timeout error, recorded at this value
 * @param insecure    accept any TLS certificate (self-signed); by default certificates and host names are verified
 * @param eventLoops  threads that schedule, send and receive
 * @param poissonSeed null for evenly spaced arrivals, else the seed of Poisson arrivals
 * @param idle        what the event loops do while they wait ({@link IdleWait}); null means sleep
 */
public record EngineOptions(int connections, Duration timeout, boolean insecure, int eventLoops, Long poissonSeed, IdleWait idle) {
    public EngineOptions {
        if (idle == null) idle = IdleWait.SLEEP;
        if (connections < 1) throw new IllegalArgumentException("--connections must be at least 1, got " + connections);
        if (eventLoops < 1) throw new IllegalArgumentException("event loops must be at least 1");
        if (connections < eventLoops) eventLoops = connections;
    }

    /** One event loop per two cores (the target often shares the machine), at least one. */
    public static int defaultEventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
