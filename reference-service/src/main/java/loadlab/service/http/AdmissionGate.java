package loadlab.service.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding: admits a request only while fewer than {@code maxInFlight} are being served and
 * it has not already waited longer than {@code maxQueueNanos} for a thread. Refused requests get
 * 503 with Retry-After at once, so under overload latency stays bounded instead of every request
 * queueing behind every other.
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

    /** @return true when admitted; the caller must then call {@link #exit()} */
    public boolean tryEnter(long queuedNanos) {
        if (queuedNanos > maxQueueNanos) return false;
        while (true) {
            int now = inFlight.get();
            if (now >= maxInFlight) return false;
            if (inFlight.compareAndSet(now, now + 1)) return true;
        }
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
