package loadlab.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Points computed from known parameters give those parameters back; the bounds hold; too few points are refused. */
class UslFitRecoversKnownParametersTest {

    private static List<UslPoint> exact(double sigma, double kappa, double lambda, double... ns) {
        List<UslPoint> points = new ArrayList<>();
        for (double n : ns) points.add(new UslPoint(n, lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1))));
        return points;
    }

    @Test
    void aCoherencyLimitedSystemPastItsPeak() {
        UslModel model = UslFit.fit(exact(0.05, 0.002, 400, 1, 2, 4, 8, 16, 32, 48, 64));
        assertEquals(0.05, model.sigma(), 1e-6);
        assertEquals(0.002, model.kappa(), 1e-8);
        assertEquals(400, model.lambda(), 1e-4);
        assertEquals(1.0, model.r2(), 1e-9);
        assertEquals(Math.sqrt(0.95 / 0.002), model.peakConcurrency(), 1e-4);
        assertTrue(model.reachesPeak());
        assertEquals(ScalabilityLimit.COHERENCY, model.limit());
    }

    @Test
    void aSystemWithoutCoherencyCostKeepsKappaAtZero() {
        // Amdahl: κ = 0. Noise that pulls κ below zero must not give a negative coherency.
        List<UslPoint> points = exact(0.1, 0, 100, 1, 2, 4, 8, 16, 32, 64);
        List<UslPoint> noisy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            UslPoint p = points.get(i);
            noisy.add(new UslPoint(p.concurrency(), p.throughput() * (i == points.size() - 1 ? 1.04 : 1)));
        }
        UslModel model = UslFit.fit(noisy);
        assertTrue(model.kappa() >= 0, "kappa " + model.kappa());
        assertTrue(model.sigma() >= 0, "sigma " + model.sigma());
        assertEquals(0.0, model.kappa(), 1e-12, "held at its bound");
        assertNull(model.peakConcurrency(), "no peak without coherency");
        assertEquals(ScalabilityLimit.CONTENTION, model.limit());
    }

    @Test
    void aNearLinearSystemIsCalledSo() {
        UslModel model = UslFit.fit(exact(0.001, 0.00001, 50, 1, 2, 3, 4, 6, 8));
        assertEquals(ScalabilityLimit.NEAR_LINEAR, model.limit());
    }

    @Test
    void fewerThanSixPointsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UslFit.fit(exact(0.05, 0.002, 400, 1, 2, 4, 8, 16)));
        assertEquals("the Universal Scalability Law needs at least 6 points to fit, got 5; measure more concurrency levels", e.getMessage());
    }
}
