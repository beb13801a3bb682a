package loadlab.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The golden data set: a Cisco system's throughput at concurrency 1 to 32, and the USL parameters
 * the book fits to it. Source: Baron Schwartz, "Practical Scalability Analysis with the Universal
 * Scalability Law", VividCortex, 2015 (the same data and values are in the tests of Coda Hale's
 * usl4j). Listed there: σ = 0.02671591, κ = 7.690945e-4, λ = 995.6486, N* ≈ 35, X(N*) ≈ 12,341.
 */
class UslFitReproducesAPublishedFitTest {
    private static final double[][] CISCO = {
            {1, 955.16}, {2, 1878.91}, {3, 2688.01}, {4, 3548.68}, {5, 4315.54}, {6, 5130.43}, {7, 5931.37}, {8, 6531.08},
            {9, 7219.8}, {10, 7867.61}, {11, 8278.71}, {12, 8646.7}, {13, 9047.84}, {14, 9426.55}, {15, 9645.37}, {16, 9897.24},
            {17, 10097.6}, {18, 10240.5}, {19, 10532.39}, {20, 10798.52}, {21, 11151.43}, {22, 11518.63}, {23, 11806},
            {24, 12089.37}, {25, 12075.41}, {26, 12177.29}, {27, 12211.41}, {28, 12158.93}, {29, 12155.27}, {30, 12118.04},
            {31, 12140.4}, {32, 12074.39}};

    @Test
    void theFitMatchesTheBooksParameters() {
        List<UslPoint> points = new ArrayList<>();
        for (double[] p : CISCO) points.add(new UslPoint(p[0], p[1]));
        UslModel model = UslFit.fit(points);

        assertEquals(0.02671591, model.sigma(), 0.02671591 * 2e-4, "sigma");
        assertEquals(7.690945e-4, model.kappa(), 7.690945e-4 * 2e-4, "kappa");
        assertEquals(995.6486, model.lambda(), 995.6486 * 2e-4, "lambda");
        assertNotNull(model.peakConcurrency());
        assertEquals(35, Math.floor(model.peakConcurrency()), "N* (the book gives whole users: 35.6 -> 35)");
        assertEquals(12341, model.peakThroughput(), 12341 * 2e-4, "X(N*)");
        assertEquals(ScalabilityLimit.CONTENTION, model.limit(), "at N = 32 the contention term is still the larger");
        assertEquals(false, model.reachesPeak(), "32 < N* = 35: the peak is extrapolated");
    }
}
