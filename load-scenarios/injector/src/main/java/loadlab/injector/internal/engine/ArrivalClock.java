package loadlab.injector.internal.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The intended start of every arrival of an open profile, in nanoseconds from the schedule's
 * time zero. The profile fixes how many arrive in each second (exactly, so segments add up to the
 * whole); within a second they are evenly spaced, or, with a seed, placed like a Poisson process
 * (given its count, a Poisson process's arrival times in an interval are independent and uniform).
 * One clock serves one event loop: it yields arrivals {@code lane}, {@code lane + lanes}, ...
 * of the whole sequence, so the loops share the schedule without sharing state.
 */
public final class ArrivalClock {
    private static final long SECOND = 1_000_000_000L;

    private final long[] perSecond;
    private final double phase;
    private final SplittableRandom random;
    private final int lane;
    private final int lanes;
    private int second;
    private long indexInSecond;
    private long sequence;
    private double[] poisson;

    /**
     * @param perSecond arrivals in each second of the schedule (warm-up included)
     * @param phase     where in each gap evenly spaced arrivals fall, from 0 (on the gap's start) to 1;
     *                  segments of one profile use different phases so their arrivals interleave
     * @param seed      null for evenly spaced arrivals; a seed for Poisson arrivals
     */
    public ArrivalClock(long[] perSecond, double phase, Long seed, int lane, int lanes) {
        if (lanes < 1 || lane < 0 || lane >= lanes) throw new IllegalArgumentException("lane " + lane + " of " + lanes);
        this.perSecond = perSecond.clone();
        this.phase = phase;
        this.random = seed == null ? null : new SplittableRandom(seed);
        this.lane = lane;
        this.lanes = lanes;
    }

    /** The next arrival of this lane in nanoseconds from time zero, or -1 when the schedule is over. */
    public long next() {
        while (true) {
            if (second >= perSecond.length) return -1;
            long count = perSecond[second];
            if (indexInSecond >= count) {
                second++;
                indexInSecond = 0;
                poisson = null;
                continue;
            }
            long offset = offsetInSecond(count, indexInSecond);
            long mine = sequence++ % lanes;
            indexInSecond++;
            if (mine == lane) return second * SECOND + offset;
        }
    }

    private long offsetInSecond(long count, long index) {
        if (random == null) return (long) ((index + phase) * SECOND / count);
        if (poisson == null) {
            poisson = new double[(int) count];
            for (int i = 0; i < count; i++) poisson[i] = random.nextDouble();
            Arrays.sort(poisson); // every lane draws the same second, so lanes agree on the sequence
        }
        return (long) (poisson[(int) index] * SECOND);
    }
}
