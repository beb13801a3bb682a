package loadlab.reports.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * E-Divisive means finds a shift in a series' mean at the point it happened, finds nothing where
 * there is only noise or one outlier, and agrees with Apache Otava on Otava's own test data.
 */
class ChangePointsAreFoundWhereTheMeanMovedTest {
    /** {@code n} points of mean {@code level(i)} with Gaussian noise of 5% of 100, from a fixed seed. */
    private static double[] series(int n, long seed, java.util.function.IntToDoubleFunction level) {
        Random r = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = level.applyAsDouble(i) + 5 * r.nextGaussian();
        return z;
    }

    private static List<Integer> indexes(double[] z, DetectionSettings s) {
        return ChangePointDetection.detect(z, s).changePoints().stream().map(ChangePoint::index).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aStepOfTwentyPercentAtPointSixtyOfOneHundredTwentyIsFoundThereAndNowhereElse(long seed) {
        double[] z = series(120, seed, i -> i < 60 ? 100 : 120);
        List<ChangePoint> found = ChangePointDetection.detect(z, DetectionSettings.DEFAULT).changePoints();
        assertEquals(List.of(60), found.stream().map(ChangePoint::index).toList());
        ChangePoint c = found.get(0);
        assertEquals(0.2, c.forwardChange(), 0.05, "the means either side differ by about 20%");
        assertTrue(c.pValue() <= 0.001, "p " + c.pValue());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void twoStepsAreTwoChangePoints(long seed) {
        double[] z = series(150, seed, i -> i < 50 ? 100 : i < 100 ? 120 : 100);
        assertEquals(List.of(50, 100), indexes(z, DetectionSettings.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void oneOutlierIsNotAChangePoint(long seed) {
        double[] z = series(120, seed, i -> 100);
        z[60] = 300;
        assertEquals(List.of(), indexes(z, DetectionSettings.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noiseAloneHasNoChangePoint(long seed) {
        assertEquals(List.of(), indexes(series(200, seed, i -> 100), DetectionSettings.DEFAULT));
    }

    @Test
    void aConstantSeriesHasNoChangePoint() {
        assertEquals(List.of(), indexes(DoubleStream.generate(() -> 7).limit(100).toArray(), DetectionSettings.DEFAULT));
    }

    @Test
    void aChangeSmallerThanTheMinimumMagnitudeIsDropped() {
        double[] z = series(120, 1, i -> i < 60 ? 100 : 120);
        assertEquals(List.of(60), indexes(z, new DetectionSettings(50, 0.001, 0.1)));
        assertEquals(List.of(), indexes(z, new DetectionSettings(50, 0.001, 0.3)), "a 20% step is below a 30% minimum");
    }

    /** Otava's tests/analysis_test.py, test_single_series (apache/otava, commit 0809660). */
    private static final double[] OTAVA_SINGLE_SERIES = {
            1.02, 0.95, 0.99, 1.00, 1.12, 1.00, 1.01, 0.98, 1.01, 0.96,
            0.50, 0.51, 0.48, 0.48, 0.55, 0.50, 0.49, 0.51, 0.50, 0.49};

    @Test
    void otavasOwnSingleSeriesGivesOtavasChangePoints() {
        assertEquals(List.of(10), indexes(OTAVA_SINGLE_SERIES, new DetectionSettings(10, 0.0001, 0.0)));

        double[] longer = DoubleStream.concat(DoubleStream.of(OTAVA_SINGLE_SERIES), DoubleStream.of(0.47, 0.48, 0.45, 0.01, 0.1, 0.22)).toArray();
        assertEquals(List.of(10, 23), indexes(longer, new DetectionSettings(5, 0.0001, 0.0)));
    }

    /** Otava's tests/analysis_test.py, test_significance_tester: the same p-values either side of 0.001. */
    @Test
    void otavasSignificanceCasesGiveItsPValues() {
        double[] same = {1.00, 1.02, 1.05, 0.95, 0.98, 1.00, 1.02, 1.05, 0.95, 0.98};
        double p = PooledTTest.between(same, 0, 5, 10).pValue();
        assertTrue(p > 0.99 && p <= 1.0, "p " + p);
        double[] lower = {1.00, 1.02, 1.05, 0.95, 0.98, 0.80, 0.82, 0.85, 0.79, 0.77};
        p = PooledTTest.between(lower, 0, 5, 10).pValue();
        assertTrue(p > 0 && p < 0.001, "p " + p);
    }

    @Test
    void appendingPointsFindsWhatAFullDetectionFinds() {
        double[] z = series(400, 7, i -> i < 150 ? 100 : i < 330 ? 125 : 100);
        ChangePointDetection.Detection before = ChangePointDetection.detect(java.util.Arrays.copyOf(z, 395), DetectionSettings.DEFAULT);
        ChangePointDetection.Detection after = ChangePointDetection.append(z, before.weak(), 5, DetectionSettings.DEFAULT);
        assertEquals(indexes(z, DetectionSettings.DEFAULT), after.changePoints().stream().map(ChangePoint::index).toList());
        assertEquals(List.of(150, 330), after.changePoints().stream().map(ChangePoint::index).toList());
    }
}
