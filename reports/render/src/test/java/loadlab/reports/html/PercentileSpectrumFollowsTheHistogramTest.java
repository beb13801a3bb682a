package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import loadlab.recording.Histograms;

class PercentileSpectrumFollowsTheHistogramTest {

    @Test
    void eachPointIsTheHistogramsValueAtThatPercentile() {
        Histogram h = Histograms.empty();
        for (int us = 1; us <= 10_000; us++) h.recordValue(us);
        PercentileSpectrum s = PercentileSpectrum.of(h);
        for (int i = 0; i < s.percentiles().length - 1; i++) {
            double p = s.percentiles()[i];
            assertEquals(h.highestEquivalentValue(h.getValueAtPercentile(p)), s.valuesUs()[i], "at " + p + "%");
        }
        int last = s.percentiles().length - 1;
        assertEquals(100.0 * (1 - 1.0 / 10_000), s.percentiles()[last], 1e-9);
        assertEquals(h.getMaxValue(), s.valuesUs()[last]);
    }

    @Test
    void pointsCrowdTowardsTheTailAsHdrHistogramsIterationDoes() {
        Histogram h = Histograms.empty();
        for (int us = 1; us <= 100_000; us++) h.recordValue(us);
        PercentileSpectrum s = PercentileSpectrum.of(h);
        long above99 = Arrays.stream(s.percentiles()).filter(p -> p >= 99).count();
        long below50 = Arrays.stream(s.percentiles()).filter(p -> p < 50).count();
        assertTrue(above99 > below50, "the tail gets more points than the body: " + above99 + " vs " + below50);
    }

    @Test
    void oneSampleIsOnePointAndNoSampleIsNone() {
        Histogram one = Histograms.empty();
        one.recordValue(1234);
        PercentileSpectrum s = PercentileSpectrum.of(one);
        assertArrayEquals(new double[] {0.0}, s.percentiles());
        assertArrayEquals(new long[] {one.getMaxValue()}, s.valuesUs());
        assertEquals(0, PercentileSpectrum.of(Histograms.empty()).percentiles().length);
    }
}
