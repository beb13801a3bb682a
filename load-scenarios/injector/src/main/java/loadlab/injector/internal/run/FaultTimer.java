package loadlab.injector.internal.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock a fault schedule is read against and the timer its actions wait on: the JVM's
 * monotonic clock and one thread of its own in a run, a clock moved by hand in a test, so the
 * plan's timing can be checked to the nanosecond without waiting for it.
 */
public interface FaultTimer {
    /** Now, on the clock the measured timeline's zero was read from (nanoseconds). */
    long nanoTime();

    /** Runs {@code task} once the clock reaches {@code atNanos} (at once if it has); returns what cancels it. */
    Runnable at(long atNanos, Runnable task);

    /** Runs nothing more, waiting up to {@code seconds} for an action already running. */
    void shutdown(long seconds);

    /** {@link System#nanoTime()} and a single daemon thread, so a slow action never delays the load. */
    static FaultTimer system() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadlab-faults");
            t.setDaemon(true);
            return t;
        });
        return new FaultTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Runnable at(long atNanos, Runnable task) {
                ScheduledFuture<?> f = timer.schedule(task, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void shutdown(long seconds) {
                timer.shutdown();
                try {
                    timer.awaitTermination(seconds, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
