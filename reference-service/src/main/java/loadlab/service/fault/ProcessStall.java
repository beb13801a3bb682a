package loadlab.service.fault;

import java.time.Duration;

/**
 * A whole-process stall, as a long GC pause or a frozen VM looks from outside: while it lasts,
 * request handling and the workers wait at their next checkpoint. Admin requests pass, so a stall
 * can always be cleared.
 */
public final class ProcessStall {
    private long untilNanos;
    private boolean active;
    private int waiting;

    public synchronized void stallFor(Duration duration) {
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("stall duration must be positive");
        untilNanos = System.nanoTime() + duration.toNanos();
        active = true;
    }

    public synchronized void clear() {
        active = false;
        notifyAll();
    }

    public synchronized boolean active() {
        if (active && System.nanoTime() - untilNanos >= 0) active = false;
        return active;
    }

    /** How many threads are held by the stall now. */
    public synchronized int waiting() {
        return waiting;
    }

    /** Returns at once unless a stall is in force; then waits until it ends or is cleared. */
    public void checkpoint() throws InterruptedException {
        synchronized (this) {
            if (!active) return;
            waiting++;
            try {
                long remaining;
                while (active && (remaining = untilNanos - System.nanoTime()) > 0) {
                    wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
                }
                active = false;
            } finally {
                waiting--;
            }
        }
    }
}
