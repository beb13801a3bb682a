package loadlab.injector.internal.live;

import loadlab.recording.IntervalLog;

/**
 * What an open schedule asks for in the second an interval ends in: the target beside the
 * achieved rate, on the console and in live output alike. Past the schedule's end it asks for nothing.
 *
 * @param perSecond   the schedule's arrivals in each second, warm-up first
 * @param startMillis when the schedule began
 */
public record ScheduledRate(long[] perSecond, long startMillis) {
    public long at(IntervalLog.Tick tick) {
        return at(tick.endMillis());
    }

    /** The arrivals asked for in the second that ends at (or holds) {@code endMillis}. */
    public long at(long endMillis) {
        long second = Math.max(0, (endMillis - startMillis) / 1000 - 1);
        return second < perSecond.length ? perSecond[(int) second] : 0;
    }

    /** When the schedule's last second ends. */
    public long endMillis() {
        return startMillis + perSecond.length * 1000L;
    }
}
