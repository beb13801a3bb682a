package loadlab.service.seed;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to (rank+1)^-s by binary search over the
 * cumulative weights: O(log n) per draw and exact for any exponent, including s &le; 1 where the
 * rejection samplers need care.
 */
public final class ZipfSampler {
    private final double[] cumulative;

    public ZipfSampler(int n, double exponent) {
        if (n < 1) throw new IllegalArgumentException("need at least one rank");
        cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += Math.pow(r + 1, -exponent);
            cumulative[r] = sum;
        }
    }

    public int sample(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
