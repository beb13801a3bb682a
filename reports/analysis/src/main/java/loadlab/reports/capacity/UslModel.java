package loadlab.reports.capacity;

import java.util.List;
import java.util.Locale;

/**
 * Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), with the parameters
 * fitted to a set of points: λ the throughput of one unit of concurrency without interference,
 * σ contention, κ coherency.
 *
 * @param sigma   contention, at least 0
 * @param kappa   coherency, at least 0
 * @param lambda  throughput per unit of concurrency at N = 1 without contention, per second
 * @param r2      coefficient of determination of the fit on its points
 * @param points  the measurements it was fitted to, in increasing concurrency
 */
public record UslModel(double sigma, double kappa, double lambda, double r2, List<UslPoint> points) {
    /** Efficiency at or above which the model calls a system still near-linear. */
    static final double NEAR_LINEAR_EFFICIENCY = 0.9;

    public UslModel {
        points = List.copyOf(points);
    }

    public double throughputAt(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** N* = √((1−σ)/κ), where throughput peaks; null when κ is 0 (it only levels off) or σ ≥ 1. */
    public Double peakConcurrency() {
        if (kappa <= 0 || sigma >= 1) return null;
        return Math.sqrt((1 - sigma) / kappa);
    }

    /** X(N*) when there is a peak; else the level throughput approaches (λ/σ), or null when it grows without bound. */
    public Double peakThroughput() {
        Double n = peakConcurrency();
        if (n != null) return throughputAt(n);
        return sigma > 0 ? lambda / sigma : null;
    }

    public double largestConcurrency() {
        return points.stream().mapToDouble(UslPoint::concurrency).max().orElse(0);
    }

    /** Whether the measurements reach the peak: without that the peak is an extrapolation. */
    public boolean reachesPeak() {
        Double n = peakConcurrency();
        return n != null && largestConcurrency() >= n;
    }

    public ScalabilityLimit limit() {
        double n = largestConcurrency();
        double contention = sigma * (n - 1);
        double coherency = kappa * n * (n - 1);
        if (1 / (1 + contention + coherency) >= NEAR_LINEAR_EFFICIENCY) return ScalabilityLimit.NEAR_LINEAR;
        return coherency > contention ? ScalabilityLimit.COHERENCY : ScalabilityLimit.CONTENTION;
    }

    /** One sentence on whether the points say where the peak is. */
    public String kneeNote() {
        Double n = peakConcurrency();
        if (n == null) {
            return sigma > 0 ? "no peak: with κ = 0 throughput levels off toward λ/σ" : "no peak: throughput still grows linearly";
        }
        if (reachesPeak()) return "the measurements reach past the peak";
        return String.format(Locale.ROOT,
                "the measurements stop at N = %.3g, before the peak at N* = %.3g: the peak is an extrapolation; measure higher "
                        + "concurrency to confirm it", largestConcurrency(), n);
    }
}
