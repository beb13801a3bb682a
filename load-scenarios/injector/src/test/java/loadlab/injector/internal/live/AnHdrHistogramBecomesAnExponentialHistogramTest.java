package loadlab.injector.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;

import loadlab.recording.Histograms;

/**
 * The conversion to OpenTelemetry's base-2 exponential histogram keeps every count (so pushes add up
 * to the logs), places each value in the bucket (b^i, b^(i+1)] that holds it, exact at powers of two
 * and at every scale, stays within the bucket limit, and keeps zero apart.
 */
class AnHdrHistogramBecomesAnExponentialHistogramTest {
    @Test
    void bucketEdgesFollowTheSpecification() {
        assertEquals(0, ExponentialBuckets.index(2.0, 0), "2 is in (1, 2]");
        assertEquals(1, ExponentialBuckets.index(2.5, 0));
        assertEquals(-1, ExponentialBuckets.index(1.0, 0), "1 is in (0.5, 1]");
        assertEquals(1, ExponentialBuckets.index(2.0, 1), "at scale 1, 2 = sqrt2^2 is in (sqrt2^1, sqrt2^2]");
        assertEquals(0, ExponentialBuckets.index(4.0, -1), "at scale -1, 4 is in (1, 4]");
        SplittableRandom random = new SplittableRandom(7);
        for (int scale = -3; scale <= 8; scale++) {
            for (int n = 0; n < 2000; n++) {
                double v = Math.exp(random.nextDouble(-20, 20));
                int i = ExponentialBuckets.index(v, scale);
                double base = Math.pow(2, Math.pow(2, -scale));
                assertTrue(v > Math.pow(base, i) * (1 - 1e-12) && v <= Math.pow(base, i + 1) * (1 + 1e-12), v + " at scale " + scale + ": " + i);
            }
        }
    }

    @Test
    void everyCountIsKeptWithinTheBucketLimit() {
        Histogram h = Histograms.empty();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50_000; i++) h.recordValue(1 + (long) Math.exp(random.nextDouble(0, 16)));
        h.recordValueWithCount(0, 5);
        ExponentialHistogramPointData p = ExponentialBuckets.point(h, 1e-6, 1, 2, Attributes.empty());
        long inBuckets = p.getPositiveBuckets().getBucketCounts().stream().mapToLong(Long::longValue).sum();
        assertEquals(h.getTotalCount(), p.getCount());
        assertEquals(h.getTotalCount(), inBuckets + p.getZeroCount());
        assertEquals(5, p.getZeroCount());
        assertTrue(p.getPositiveBuckets().getBucketCounts().size() <= ExponentialBuckets.MAX_BUCKETS);
        assertEquals(h.highestEquivalentValue(h.getMaxValue()) * 1e-6, p.getMax(), 1e-12);
        // the median from the buckets lies within one bucket of HdrHistogram's
        double base = Math.pow(2, Math.pow(2, -p.getScale()));
        long half = p.getCount() / 2;
        long seen = p.getZeroCount();
        List<Long> counts = p.getPositiveBuckets().getBucketCounts();
        int k = 0;
        while (seen + counts.get(k) < half) seen += counts.get(k++);
        double upper = Math.pow(base, p.getPositiveBuckets().getOffset() + k + 1);
        double median = h.getValueAtPercentile(50) * 1e-6;
        assertTrue(median <= upper * (1 + 1e-9) && median > upper / base / base, median + " against bucket top " + upper);
    }
}
