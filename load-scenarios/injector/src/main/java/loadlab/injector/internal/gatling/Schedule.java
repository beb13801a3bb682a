package loadlab.injector.internal.gatling;

import java.util.List;
import java.util.function.LongConsumer;

import io.gatling.javaapi.core.OpenInjectionStep;

import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;

/**
 * When each user of an open-model run was meant to start. Gatling numbers users in the order of
 * its injection schedule but keeps no intended start time, so loadlab asks Gatling's own injection
 * steps for the same schedule and looks user {@code n} up by number: the offsets are exactly the
 * ones Gatling schedules (millisecond resolution), not a second model of them.
 */
public final class Schedule {
    private static final int WINDOW = 1 << 20; // users may start out of order by up to this many

    private final Iterator<FiniteDuration> offsets;
    private final long[] ring = new long[WINDOW];
    private long pulled;
    private volatile long startNanos = -1;
    private final LongConsumer onStart;
    private final long calibrateNanos;
    private final long[] samples = new long[4096];
    private long sampled;
    private boolean frozen;

    /**
     * @param calibrateNanos how long (the warm-up) to estimate time zero before freezing it
     * @param onStart        told time zero whenever the estimate changes
     */
    public Schedule(List<OpenInjectionStep> steps, long calibrateNanos, LongConsumer onStart) {
        this.onStart = onStart;
        this.calibrateNanos = calibrateNanos;
        Iterator<FiniteDuration> chain = scala.collection.Iterator$.MODULE$.empty();
        for (int i = steps.size() - 1; i >= 0; i--) chain = steps.get(i).asScala().chain(chain);
        this.offsets = chain;
    }

    private void calibrate(long estimate, long offset) {
        samples[(int) (sampled++ % samples.length)] = estimate;
        if (startNanos < 0) {
            startNanos = estimate;
            onStart.accept(startNanos);
        }
        if (offset >= calibrateNanos) {
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < Math.min(sampled, samples.length); i++) earliest = Math.min(earliest, samples[i]);
            startNanos = earliest;
            frozen = true;
            onStart.accept(startNanos);
        }
    }

    /**
     * Whether the user Gatling numbered {@code userId} belongs to the warm-up, by its place in the
     * schedule rather than by comparing times. Until time zero is frozen, a warm-up user's intended
     * start is computed from a provisional (later) estimate and can land after the start of
     * counting, which would count one warm-up user too many; its place in the schedule cannot.
     * Call after {@link #intendedNanos} for the same user; false for a user out of the window.
     */
    public synchronized boolean inWarmup(long userId) {
        if (userId > pulled || userId <= pulled - WINDOW || userId < 1) return false;
        return ring[(int) ((userId - 1) % WINDOW)] < calibrateNanos;
    }

    /**
     * The intended start of the user Gatling numbered {@code userId} (1 for the first), or -1 when
     * that is unknown (a user more than a million places out of order).
     *
     * <p>Time zero is Gatling's own injection start, which it does not expose. Each arrival gives an
     * estimate (its actual start minus its offset) that can only be late, never early, except for
     * Gatling's whole-millisecond scheduling; a cold injector starts users hundreds of milliseconds
     * late at first. So time zero is the earliest estimate among the last 4,096 arrivals of the
     * warm-up, frozen when the first counted user arrives: lag and response times are then measured
     * against when Gatling meant to start each user, to about a millisecond.
     */
    public synchronized long intendedNanos(long userId, long nowNanos) {
        while (pulled < userId && offsets.hasNext()) {
            ring[(int) (pulled % WINDOW)] = offsets.next().toNanos();
            pulled++;
        }
        if (userId > pulled || userId <= pulled - WINDOW || userId < 1) return -1;
        long offset = ring[(int) ((userId - 1) % WINDOW)];
        if (!frozen) calibrate(nowNanos - offset, offset);
        return startNanos + offset;
    }
}
