package loadlab.reports.changes;

/**
 * The divergence E-Divisive maximises (Matteson and James, 2014), over one window of a series:
 * for a split of {@code Z[a, b)} into {@code X = Z[a, τ)} (n points) and {@code Y = Z[τ, κ)} (m points),
 *
 * <pre>Q(τ, κ) = 2/(m+n) ΣΣ|X-Y| - 2m/((m+n)(n-1)) Σ|X-X| - 2n/((m+n)(m-1)) Σ|Y-Y|</pre>
 *
 * (pairs counted once; a one-point side has no inner term). The best split is the τ of the largest
 * Q over every τ and κ. Row prefix sums of the distance matrix make each interval O(w²) rather
 * than O(w³). Ties go to the smallest τ, then κ, and when every Q is negative the candidate is
 * τ = a + 2 with Q = 0, which is what Otava's matrix argmax picks (its unused cells hold 0).
 */
final class EnergyStatistic {
    private final double[][] prefix;

    /** @param z the window's values */
    EnergyStatistic(double[] z) {
        int w = z.length;
        prefix = new double[w][w + 1];
        for (int k = 0; k < w; k++) {
            for (int i = 0; i < w; i++) prefix[k][i + 1] = prefix[k][i] + Math.abs(z[k] - z[i]);
        }
    }

    /** Σ_{i ∈ [from, to)} |z[k] - z[i]| */
    private double row(int k, int from, int to) {
        return prefix[k][to] - prefix[k][from];
    }

    /** The best split of {@code [a, b)}, which must hold at least two points: {τ, Q}. */
    double[] best(int a, int b) {
        double bestQ = Double.NEGATIVE_INFINITY;
        int bestTau = -1;
        double sumXX = 0;
        for (int tau = a + 1; tau < b; tau++) {
            sumXX += row(tau - 1, a, tau - 1);
            int n = tau - a;
            double sumXY = 0, sumYY = 0;
            for (int kappa = tau + 1; kappa <= b; kappa++) {
                sumXY += row(kappa - 1, a, tau);
                sumYY += row(kappa - 1, tau, kappa - 1);
                int m = kappa - tau;
                double q = 2.0 / (m + n) * sumXY
                        - (n > 1 ? 2.0 * m / ((m + n) * (double) (n - 1)) * sumXX : 0)
                        - (m > 1 ? 2.0 * n / ((m + n) * (double) (m - 1)) * sumYY : 0);
                if (q > bestQ) {
                    bestQ = q;
                    bestTau = tau;
                }
            }
        }
        if (bestQ < 0 && b - a >= 3) return new double[] {a + 2, 0};
        return new double[] {bestTau, bestQ};
    }
}
