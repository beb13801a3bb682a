package loadlab.reports.gate;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import loadlab.recording.Histograms;

/**
 * One request name's response times as slices of consecutive seconds, on one shared axis of the
 * histogram buckets that were recorded: the compact form the bootstrap resamples. Adding slices
 * and reading a percentile of the sum follow HdrHistogram exactly, so the sum of all slices gives
 * the same p99 as the summary.
 */
public final class TimeSlices {
    private static final Histogram SHAPE = Histograms.empty();

    /** Builds slices from recorded values as they stream in. */
    static final class Builder {
        private final int slices;
        private final Map<Long, long[]> counts = new TreeMap<>();

        Builder(int slices) {
            this.slices = slices;
        }

        void add(int slice, Histogram h) {
            for (HistogramIterationValue v : h.recordedValues()) {
                counts.computeIfAbsent(v.getValueIteratedTo(), k -> new long[slices])[slice] += v.getCountAtValueIteratedTo();
            }
        }

        void addAll(Builder other) {
            other.counts.forEach((value, c) -> {
                long[] mine = counts.computeIfAbsent(value, k -> new long[slices]);
                for (int b = 0; b < slices; b++) mine[b] += c[b];
            });
        }

        TimeSlices build() {
            long[] values = new long[counts.size()];
            long[][] bySlice = new long[slices][values.length];
            int i = 0;
            for (Map.Entry<Long, long[]> e : counts.entrySet()) {
                values[i] = e.getKey();
                for (int b = 0; b < slices; b++) bySlice[b][i] = e.getValue()[b];
                i++;
            }
            return new TimeSlices(values, bySlice);
        }
    }

    private final long[] values;
    private final long[][] counts;

    private TimeSlices(long[] values, long[][] counts) {
        this.values = values;
        this.counts = counts;
    }

    /** The counts of the slices chosen (with repetition), added up. */
    long[] sum(int[] choice) {
        long[] total = new long[values.length];
        for (int b : choice) {
            long[] c = counts[b];
            for (int i = 0; i < c.length; i++) total[i] += c[i];
        }
        return total;
    }

    /** As {@link Histogram#getValueAtPercentile}: the highest equivalent value of the bucket holding that count. */
    long percentile(long[] summed, double percentile) {
        long total = Arrays.stream(summed).sum();
        if (total == 0) return 0;
        if (percentile >= 100) return max(summed);
        long countAt = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long running = 0;
        for (int i = 0; i < values.length; i++) {
            running += summed[i];
            if (running >= countAt) return values[i];
        }
        return values[values.length - 1];
    }

    long max(long[] summed) {
        for (int i = values.length - 1; i >= 0; i--) if (summed[i] > 0) return values[i];
        return 0;
    }

    /** As {@link Histogram#getMean}: each bucket counted at its median equivalent value. */
    double mean(long[] summed) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (summed[i] == 0) continue;
            total += summed[i];
            sum += (double) SHAPE.medianEquivalentValue(values[i]) * summed[i];
        }
        return total == 0 ? 0 : sum / total;
    }

    static int[] resample(int slices, SplittableRandom random) {
        int[] choice = new int[slices];
        for (int i = 0; i < slices; i++) choice[i] = random.nextInt(slices);
        return choice;
    }
}
