package loadlab.reports.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Fits the Universal Scalability Law to measurements: Levenberg–Marquardt least squares on the
 * throughputs (Hipparchus), with σ and κ held at 0 or above and λ above 0, started from the
 * linearised form (Gunther: with C = X/λ, N/C − 1 = (σ+κ)(N−1) + κ(N−1)², a quadratic through the
 * origin fitted by ordinary least squares, λ from the point of least concurrency).
 */
public final class UslFit {
    /** Fewer points than this cannot tell three parameters from noise. */
    public static final int MIN_POINTS = 6;

    private UslFit() {}

    public static UslModel fit(List<UslPoint> measured) {
        if (measured.size() < MIN_POINTS) {
            throw new IllegalArgumentException("the Universal Scalability Law needs at least " + MIN_POINTS + " points to fit, got "
                    + measured.size() + "; measure more concurrency levels");
        }
        for (UslPoint p : measured) {
            if (p.concurrency() < 1) {
                throw new IllegalArgumentException("a point at concurrency " + p.concurrency() + " is below 1, outside the Universal "
                        + "Scalability Law's domain (it is normalised at N = 1); leave it out");
            }
        }
        List<UslPoint> points = new ArrayList<>(measured);
        points.sort(Comparator.comparingDouble(UslPoint::concurrency));
        if (points.stream().mapToDouble(UslPoint::concurrency).distinct().count() < 3) {
            throw new IllegalArgumentException("the points need at least 3 different concurrencies to fit the Universal Scalability Law");
        }
        double[] n = points.stream().mapToDouble(UslPoint::concurrency).toArray();
        double[] x = points.stream().mapToDouble(UslPoint::throughput).toArray();
        double[] start = linearised(n, x);

        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(p -> value(p, n))
                .target(x)
                .parameterValidator(UslFit::bounded)
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        RealVector p = bounded(optimum.getPoint());
        double sigma = p.getEntry(0);
        double kappa = p.getEntry(1);
        double lambda = p.getEntry(2);
        return new UslModel(sigma, kappa, lambda, r2(n, x, sigma, kappa, lambda), points);
    }

    /** The starting point: σ, κ from the linearised law, λ from the lowest concurrency (or the best single point). */
    static double[] linearised(double[] n, double[] x) {
        double lambda = 0;
        for (int i = 0; i < n.length; i++) lambda = Math.max(lambda, x[i] / n[i]);
        if (n[0] <= 1.0 + 1e-9) lambda = x[0] / n[0];
        // y = a·u + b·u², u = N − 1, through the origin
        double suu = 0, suuu = 0, suuuu = 0, suy = 0, suuy = 0;
        for (int i = 0; i < n.length; i++) {
            double u = n[i] - 1;
            double c = x[i] / lambda;
            if (c <= 0) continue;
            double y = n[i] / c - 1;
            suu += u * u;
            suuu += u * u * u;
            suuuu += u * u * u * u;
            suy += u * y;
            suuy += u * u * y;
        }
        double det = suu * suuuu - suuu * suuu;
        double a = det == 0 ? 0 : (suy * suuuu - suuy * suuu) / det;
        double b = det == 0 ? 0 : (suu * suuy - suuu * suy) / det;
        double kappa = Math.max(0, b);
        double sigma = Math.max(0, a - kappa);
        return new double[] {sigma, kappa, lambda};
    }

    private static Pair<RealVector, RealMatrix> value(RealVector p, double[] n) {
        double sigma = p.getEntry(0);
        double kappa = p.getEntry(1);
        double lambda = p.getEntry(2);
        double[] values = new double[n.length];
        double[][] jacobian = new double[n.length][3];
        for (int i = 0; i < n.length; i++) {
            double d = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
            values[i] = lambda * n[i] / d;
            jacobian[i][0] = -lambda * n[i] * (n[i] - 1) / (d * d);
            jacobian[i][1] = -lambda * n[i] * n[i] * (n[i] - 1) / (d * d);
            jacobian[i][2] = n[i] / d;
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    private static RealVector bounded(RealVector p) {
        RealVector v = p.copy();
        v.setEntry(0, Math.max(0, v.getEntry(0)));
        v.setEntry(1, Math.max(0, v.getEntry(1)));
        v.setEntry(2, Math.max(Double.MIN_NORMAL, v.getEntry(2)));
        return v;
    }

    private static double r2(double[] n, double[] x, double sigma, double kappa, double lambda) {
        double mean = 0;
        for (double v : x) mean += v / x.length;
        double residual = 0, total = 0;
        for (int i = 0; i < n.length; i++) {
            double fitted = lambda * n[i] / (1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1));
            residual += (x[i] - fitted) * (x[i] - fitted);
            total += (x[i] - mean) * (x[i] - mean);
        }
        return total == 0 ? 1 : 1 - residual / total;
    }
}
