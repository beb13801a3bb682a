package loadlab.reports.html;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The percentile distribution of one histogram, as HdrHistogram's own plots draw it: value against
 * percentile, the percentile axis read as 1/(1-q) on a log scale so the tail gets the room it
 * deserves. Points follow HdrHistogram's percentile iteration (five ticks per halving of the
 * remaining distance to 100%) and end at the highest percentile the sample can resolve,
 * 100·(1 − 1/count), where the value is the maximum.
 *
 * @param percentiles percentile levels, ascending, each below 100
 * @param valuesUs    the value at each level, microseconds (highest equivalent value of its bucket)
 */
public record PercentileSpectrum(double[] percentiles, long[] valuesUs) {
    static final int TICKS_PER_HALF_DISTANCE = 5;

    public static PercentileSpectrum of(Histogram h) {
        long count = h.getTotalCount();
        if (count == 0) return new PercentileSpectrum(new double[0], new long[0]);
        double last = 100.0 * (1.0 - 1.0 / count);
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p >= last) break;
            points.add(new double[] {p, h.highestEquivalentValue(v.getValueIteratedTo())});
        }
        points.add(new double[] {last, h.getMaxValue()});
        double[] ps = new double[points.size()];
        long[] vs = new long[points.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = Math.round(points.get(i)[0] * 1e6) / 1e6;
            vs[i] = (long) points.get(i)[1];
        }
        return new PercentileSpectrum(ps, vs);
    }
}
