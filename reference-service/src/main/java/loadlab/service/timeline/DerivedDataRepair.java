package loadlab.service.timeline;

import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import loadlab.service.verify.ConvergenceTracker;

/**
 * Repairs derived data when the stream lost events (a Redis that restarted empty): the lost events
 * cannot be replayed from the stream, so every derived datum is rebuilt from the system of record,
 * once per loss however many consumers notice it. Every post acknowledged before the rebuild began
 * is in the store it reads, so the rebuild covers them all, and they count as converged.
 */
public final class DerivedDataRepair {
    private static final Logger LOG = LoggerFactory.getLogger(DerivedDataRepair.class);

    private final TimelineRebuild rebuild;
    private final ConvergenceTracker tracker;
    private final LongSupplier clockMicros;
    private final Counter repairs;
    private long repairedGeneration;
    private volatile String running;

    public DerivedDataRepair(TimelineRebuild rebuild, ConvergenceTracker tracker, LongSupplier clockMicros, MeterRegistry registry) {
        this.rebuild = rebuild;
        this.tracker = tracker;
        this.clockMicros = clockMicros;
        this.repairs = Counter.builder("derived.data.repairs")
                .description("Rebuilds of derived data from the system of record after the stream lost events").register(registry);
    }

    /**
     * Called by a consumer that found the stream reset to {@code generation}; repairs unless that
     * reset is repaired already, retrying with back-off while a building block is unavailable.
     */
    public synchronized void eventsLost(long generation, String why) throws InterruptedException {
        if (generation <= repairedGeneration) return;
        running = "rebuilding derived data from the system of record: " + why;
        LOG.warn("{}", running);
        long backoffMillis = 100;
        try {
            while (true) {
                try {
                    long from = clockMicros.getAsLong();
                    TimelineRebuild.Report report = rebuild.run();
                    tracker.convergedUpTo(from);
                    repairedGeneration = generation;
                    repairs.increment();
                    LOG.info("derived data rebuilt after the stream reset: {} timelines, {} posts", report.users(), report.posts());
                    return;
                } catch (RuntimeException e) {
                    running = "rebuilding derived data from the system of record, which failed and is retried: " + e.getMessage();
                    LOG.debug("the repair of derived data failed and is retried in {} ms: {}", backoffMillis, e.toString());
                    Thread.sleep(backoffMillis); // back-off while a building block is unavailable
                    backoffMillis = Math.min(2_000, backoffMillis * 2);
                }
            }
        } finally {
            running = null;
        }
    }

    /** What the repair is doing now, for health; empty when it is not running. */
    public Optional<String> inProgress() {
        return Optional.ofNullable(running);
    }
}
