package loadlab.service.timeline;

import org.HdrHistogram.Histogram;

/**
 * When to hedge a shard call: the chosen percentile of the most recent shard calls' durations.
 * Calls are counted into a current histogram; every {@value #WINDOW} calls it becomes the previous
 * one, so the delay follows the cache as it changes and always rests on at least
 * {@value #WINDOW} calls. Until {@value #MIN_CALLS} calls are known nothing is hedged: a delay from
 * a handful of calls would hedge at random.
 */
final class ShardHedge {
    static final int WINDOW = 5_000;
    static final int MIN_CALLS = 200;
    /** The percentile is read again after this many calls, not at every read. */
    static final int RECOMPUTE_EVERY = 100;

    private final double percentile;
    private Histogram current = new Histogram(3_600_000_000_000L, 2);
    private Histogram previous = new Histogram(3_600_000_000_000L, 2);
    private final Histogram both = new Histogram(3_600_000_000_000L, 2);
    private long delay = Long.MAX_VALUE;
    private int sinceDelay;

    ShardHedge(double percentile) {
        this.percentile = percentile;
    }

    synchronized void record(long nanos) {
        current.recordValue(Math.max(1, Math.min(nanos, current.getHighestTrackableValue())));
        if (current.getTotalCount() >= WINDOW) {
            Histogram h = previous;
            previous = current;
            current = h;
            current.reset();
        }
        if (++sinceDelay >= RECOMPUTE_EVERY) {
            sinceDelay = 0;
            if (current.getTotalCount() + previous.getTotalCount() >= MIN_CALLS) {
                both.reset();
                both.add(previous);
                both.add(current);
                delay = both.getValueAtPercentile(percentile);
            }
        }
    }

    /** How long a call may be outstanding before it is asked again; {@link Long#MAX_VALUE} until enough calls are known. */
    synchronized long delayNanos() {
        return delay;
    }
}
