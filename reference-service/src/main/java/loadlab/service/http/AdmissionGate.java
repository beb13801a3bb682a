package loadlab.service.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding, bounded both ways: a request is admitted on arrival only while fewer than
 * {@code maxInFlight} are queued or being served (so the queue has a length limit), and an admitted
 * request that then waited longer than {@code maxQueueNanos} for a worker is refused when its turn
 * comes (so the wait has a time limit). Refused requests get 503 with Retry-After at once: under
 * overload latency stays near the limit instead of every request queueing behind every other.
 */
public final class AdmissionGate {
    private final int maxInFlight;
    private final long maxQueueNanos;
    private final AtomicInteger inFlight = new AtomicInteger();

    public AdmissionGate(int maxInFlight, long maxQueueNanos) {
        if (maxInFlight < 1) throw new IllegalArgumentException("max in-flight requests must be at least 1");
        this.maxInFlight = maxInFlight;
        this.maxQueueNanos = maxQueueNanos;
    }

    /** @return true when admitted; the caller must then call {@link #exit()} once the request is done */
    public boolean tryEnter() {
        while (true) {
            int now = inFlight.get();
            if (now >= maxInFlight) return false;
            if (inFlight.compareAndSet(now, now + 1)) return true;
        }
    }

    /** Whether a request that became ready at {@code readyNanos} has waited too long to be served at {@code nowNanos}. */
    public boolean waitedTooLong(long readyNanos, long nowNanos) {
        return nowNanos - readyNanos > maxQueueNanos;
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
