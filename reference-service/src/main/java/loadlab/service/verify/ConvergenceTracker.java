package loadlab.service.verify;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

/**
 * Follows every post acknowledged by this process until both consumers (fan-out and indexing)
 * have applied it, and records the convergence lag: acknowledgement to "visible everywhere", in
 * microseconds. The list of acknowledged ids is what verification checks.
 */
public final class ConvergenceTracker {
    private static final int FANNED_OUT = 1;
    private static final int INDEXED = 2;

    private final LongSupplier clockMicros;
    private long[] acknowledged = new long[1024];
    private int count;
    private final Map<Long, long[]> pending = new HashMap<>(); // id -> {ack micros, applied flags}
    private final Histogram lag = new Histogram(3_600_000_000L, 3);

    public ConvergenceTracker(LongSupplier clockMicros) {
        this.clockMicros = clockMicros;
    }

    public synchronized void acknowledged(long postId, long ackMicros) {
        if (count == acknowledged.length) acknowledged = Arrays.copyOf(acknowledged, count * 2);
        acknowledged[count++] = postId;
        pending.put(postId, new long[] {ackMicros, 0});
    }

    public void fannedOut(long postId) {
        applied(postId, FANNED_OUT);
    }

    public void indexed(long postId) {
        applied(postId, INDEXED);
    }

    private synchronized void applied(long postId, int flag) {
        long[] state = pending.get(postId);
        if (state == null) return;
        state[1] |= flag;
        if (state[1] == (FANNED_OUT | INDEXED)) {
            pending.remove(postId);
            lag.recordValue(Math.min(Math.max(0, clockMicros.getAsLong() - state[0]), lag.getHighestTrackableValue()));
        }
    }

    /**
     * Every post acknowledged at or before {@code ackMicros} has been applied everywhere by other
     * means (a rebuild from the system of record that began after it).
     */
    public synchronized void convergedUpTo(long ackMicros) {
        long now = clockMicros.getAsLong();
        pending.values().removeIf(state -> {
            if (state[0] > ackMicros) return false;
            lag.recordValue(Math.min(Math.max(0, now - state[0]), lag.getHighestTrackableValue()));
            return true;
        });
    }

    /** The newest {@code limit} acknowledged post ids (all when limit is negative), oldest first. */
    public synchronized long[] acknowledgedIds(int limit) {
        int from = limit < 0 ? 0 : Math.max(0, count - limit);
        return Arrays.copyOfRange(acknowledged, from, count);
    }

    public synchronized int acknowledgedCount() {
        return count;
    }

    public synchronized int notYetConverged() {
        return pending.size();
    }

    /** Age of the oldest post not yet visible everywhere, microseconds; 0 when none. */
    public synchronized long oldestPendingMicros() {
        long now = clockMicros.getAsLong();
        long oldest = 0;
        for (long[] state : pending.values()) oldest = Math.max(oldest, now - state[0]);
        return oldest;
    }

    public synchronized Histogram lagSnapshot() {
        return lag.copy();
    }
}
