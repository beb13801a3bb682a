import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * How late this machine wakes a sleeping thread: parks for a gap again and again and prints the
 * overshoot's percentiles. A load generator that sleeps between arrivals can start them no more
 * precisely than this; {@code measure.sh} runs it before the engine so its table has the floor.
 *
 * <pre>java benchmarks/engine/WakeUp.java 100     # gap in microseconds</pre>
 */
public class WakeUp {
    public static void main(String[] args) {
        long gap = (args.length > 0 ? Long.parseLong(args[0]) : 100) * 1_000;
        int n = 20_000;
        long[] over = new long[n];
        for (int i = -2_000; i < n; i++) {
            long t0 = System.nanoTime();
            LockSupport.parkNanos(gap);
            long late = System.nanoTime() - t0 - gap;
            if (i >= 0) over[i] = Math.max(0, late / 1_000);
        }
        Arrays.sort(over);
        System.out.printf("park %d us, %d times: late by p50 %d us, p90 %d us, p99 %d us, p99.9 %d us, max %d us%n", gap / 1_000, n,
                over[n / 2], over[n * 9 / 10], over[n * 99 / 100], over[n * 999 / 1000], over[n - 1]);
    }
}
