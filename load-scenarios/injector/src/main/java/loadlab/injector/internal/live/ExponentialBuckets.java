package loadlab.injector.internal.live;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;

/**
 * An HdrHistogram as an OpenTelemetry base-2 exponential histogram point, so interval histograms
 * pushed from many injectors add up in any backend (a percentile pushed as a gauge cannot be added).
 * Every recorded count lands in exactly one bucket, so the point's count is the histogram's, exactly:
 * bucket i of scale s holds the values in (b^i, b^(i+1)] with b = 2^(2^-s), and each HdrHistogram
 * value is placed by the top of its own (finer) bucket. The scale is the finest that keeps the
 * values within {@code maxBuckets}, as the SDK's own aggregation chooses it.
 */
public final class ExponentialBuckets {
    /** The SDK's default bucket limit. */
    public static final int MAX_BUCKETS = 160;
    private static final int MAX_SCALE = 20;
    private static final int MIN_SCALE = -10;

    private ExponentialBuckets() {}

    /**
     * @param unit the value of one recorded unit in the exported unit (1e-6 exports microseconds as seconds)
     */
    public static ExponentialHistogramPointData point(Histogram h, double unit, long startNanos, long endNanos, Attributes attributes) {
        List<double[]> values = new ArrayList<>();
        long zero = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            long count = v.getCountAtValueIteratedTo();
            double value = h.highestEquivalentValue(v.getValueIteratedTo()) * unit;
            if (v.getValueIteratedTo() == 0) {
                zero += count;
                continue;
            }
            values.add(new double[] {value, count});
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        int scale = MAX_SCALE;
        if (!values.isEmpty()) {
            while (scale > MIN_SCALE && index(max, scale) - index(min, scale) + 1 > MAX_BUCKETS) scale--;
        }
        int offset = values.isEmpty() ? 0 : index(min, scale);
        long[] counts = new long[values.isEmpty() ? 0 : index(max, scale) - offset + 1];
        for (double[] v : values) counts[index(v[0], scale) - offset] += (long) v[1];
        List<Long> bucketCounts = new ArrayList<>(counts.length);
        for (long c : counts) bucketCounts.add(c);
        long total = h.getTotalCount();
        return ExponentialHistogramPointData.create(scale, h.getMean() * unit * total, zero, total > 0, total > 0 ? h.getMinValue() * unit : 0,
                total > 0, total > 0 ? h.highestEquivalentValue(h.getMaxValue()) * unit : 0,
                ExponentialHistogramBuckets.create(scale, offset, bucketCounts), ExponentialHistogramBuckets.create(scale, 0, List.of()),
                startNanos, endNanos, attributes, List.of());
    }

    /** The bucket of {@code value} (> 0) at {@code scale}: ceil(log_b(value)) − 1, exact at powers of two. */
    static int index(double value, int scale) {
        if (scale <= 0) {
            int exponent = Math.getExponent(value);
            boolean powerOfTwo = value == Math.scalb(1.0, exponent);
            return ((powerOfTwo ? exponent - 1 : exponent)) >> -scale;
        }
        double scaled = Math.log(value) / Math.log(2) * Math.scalb(1.0, scale);
        int i = (int) Math.ceil(scaled) - 1;
        // guard the logarithm's rounding at bucket edges: value must lie in (b^i, b^(i+1)]
        if (value <= Math.pow(2, Math.scalb((double) i, -scale))) i--;
        else if (value > Math.pow(2, Math.scalb((double) (i + 1), -scale))) i++;
        return i;
    }
}
