package loadlab.injector.internal.engine;

import java.util.Locale;

/**
 * What the request engine's event loops do while they wait for the next arrival or the next
 * response. Waking a sleeping thread costs time the run then reports as the target's: on this
 * machine a 1 ms park overshoots by 87 µs at p50 with Linux's default 50 µs timer slack, and a
 * 200 µs server was reported at p50 357 µs sleeping, 312 µs with tight timers and 265 µs spinning
 * (wrk, closed loop: 233 µs). Spinning costs a whole core per event loop however light the load,
 * so it is asked for, not the default.
 */
public enum IdleWait {
    /** Sleep in epoll_wait with the thread's default timer slack: least CPU. */
    SLEEP,
    /** Sleep with 1 µs timer slack ({@link TimerSlack}): about half the start lag, about twice the CPU at high rates. */
    TIGHT,
    /** Never sleep: poll for I/O and due timers in a loop; the least start lag and read delay, one core per event loop. */
    SPIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdleWait parse(String text) {
        for (IdleWait w : values()) if (w.id().equals(text)) return w;
        throw new IllegalArgumentException("--idle '" + text + "' is not known; use sleep, tight or spin");
    }
}
