package loadlab.scenarios;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Draws 1..n with probability proportional to rank^-exponent, so a few ids are hot: how users
 * of a social network pick whom to read and who posts. Thread-safe; O(log n) per draw.
 */
public final class PowerLaw {
    private final double[] cumulative;

    public PowerLaw(int n, double exponent) {
        if (n < 1) throw new IllegalArgumentException("users must be at least 1");
        cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) cumulative[r] = sum += Math.pow(r + 1, -exponent);
    }

    public long next() {
        double u = ThreadLocalRandom.current().nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return 1 + Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
