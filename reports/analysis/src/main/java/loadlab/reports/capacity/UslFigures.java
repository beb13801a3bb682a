package loadlab.reports.capacity;

import java.util.List;
import java.util.Locale;

/**
 * A fitted model as {@code capacity.json} and {@code capacity --fit --json} write it: the same
 * fields in both places.
 *
 * @param peakConcurrency N*, or null without a peak (κ = 0)
 * @param peakThroughput  X(N*), or the level λ/σ approached without a peak, or null when unbounded
 * @param limit           near-linear, contention-limited or coherency-limited
 * @param reachesPeak     whether the points reach N*; if not, the peak is an extrapolation
 * @param note            one sentence on the above
 */
public record UslFigures(double sigma, double kappa, double lambda, double r2, Double peakConcurrency, Double peakThroughput,
                         String limit, boolean reachesPeak, String note, List<UslPoint> points) {
    public static UslFigures of(UslModel m) {
        return new UslFigures(m.sigma(), m.kappa(), m.lambda(), m.r2(), m.peakConcurrency(), m.peakThroughput(), m.limit().id(),
                m.reachesPeak(), m.kneeNote(), m.points());
    }

    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "USL fit of %d points: sigma %.4g (contention), kappa %.4g (coherency), lambda %.4g/s, R² %.4f; %s",
                points.size(), sigma, kappa, lambda, r2, ScalabilityLimit.valueOf(limit.toUpperCase(Locale.ROOT)
                        .replace('-', '_')).text()));
        if (peakConcurrency != null) {
            b.append(String.format(Locale.ROOT, "; peak %.4g/s at concurrency N* = %.3g", peakThroughput, peakConcurrency));
        } else if (peakThroughput != null) {
            b.append(String.format(Locale.ROOT, "; no peak, levels off toward %.4g/s", peakThroughput));
        }
        return b.append("\n").append(note).toString();
    }
}
