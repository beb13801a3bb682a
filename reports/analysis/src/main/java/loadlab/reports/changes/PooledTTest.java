package loadlab.reports.changes;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Student's two-sample t-test with pooled variance, two-sided, as Otava runs it through SciPy's
 * {@code ttest_ind_from_stats}: with each side's population standard deviation (ddof 0) in place of
 * the sample one, which we keep so the same history gives the same change points.
 */
final class PooledTTest {
    private PooledTTest() {}

    /** The change point at {@code index} between {@code z[from, index)} and {@code z[index, to)}. */
    static ChangePoint between(double[] z, int from, int index, int to) {
        int n1 = index - from, n2 = to - index;
        double m1 = mean(z, from, index), m2 = mean(z, index, to);
        double s1 = n1 >= 2 ? sd(z, from, index, m1) : 0, s2 = n2 >= 2 ? sd(z, index, to, m2) : 0;
        int df = n1 + n2 - 2;
        double p = 1;
        if (df > 0) {
            double pooled = ((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df;
            double se = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
            if (se > 0) p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs((m1 - m2) / se));
            else p = m1 == m2 ? 1 : 0; // SciPy says NaN for two identical constant sides, which never passes a test: 1 here
        }
        return new ChangePoint(index, p, m1, m2, s1, s2);
    }

    private static double mean(double[] z, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += z[i];
        return s / (to - from);
    }

    private static double sd(double[] z, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) s += (z[i] - mean) * (z[i] - mean);
        return Math.sqrt(s / (to - from));
    }
}
