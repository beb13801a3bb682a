package loadlab.benchmarks.recording;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import loadlab.recording.Histograms;

/**
 * Adding one interval histogram (1,000 responses spread from 100 µs to 10 s) into a running total:
 * the operation behind every summary, merge and comparison, since loadlab adds histograms and never
 * averages percentiles.
 *
 * <p>Run: {@code bin/loadlab bench --include HistogramMerge}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HistogramMergeBenchmark {
    private final Histogram total = Histograms.empty();
    private final Histogram interval = Histograms.empty();

    @Setup
    public void fillInterval() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 1_000; i++) interval.recordValue(100 + (long) Math.pow(10, random.nextDouble() * 5));
    }

    @Benchmark
    public long addAnIntervalToTheTotal() {
        total.add(interval);
        return total.getTotalCount();
    }
}
