package loadlab.benchmarks.history;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import loadlab.reports.changes.ChangePointDetection;
import loadlab.reports.changes.DetectionSettings;

/**
 * {@code loadlab history detect} on one series: a full detection of 1,000 and 10,000 points (a step
 * of +20% every 200 points, 5% noise), and the incremental one after one point was appended, which
 * re-tests only the tail.
 *
 * <p>Run: {@code bin/loadlab bench --include ChangePointDetection}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChangePointDetectionBenchmark {
    @Param({"1000", "10000"})
    public int points;

    private double[] series;
    private ChangePointDetection.Detection before;

    @Setup
    public void history() {
        SplittableRandom random = new SplittableRandom(23);
        series = new double[points];
        for (int i = 0; i < points; i++) {
            double level = 100 * ((i / 200) % 2 == 0 ? 1.0 : 1.2);
            series[i] = level * (1 + 0.05 * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5));
        }
        before = ChangePointDetection.detect(Arrays.copyOf(series, points - 1), DetectionSettings.DEFAULT);
    }

    @Benchmark
    public int detectAll() {
        return ChangePointDetection.detect(series, DetectionSettings.DEFAULT).changePoints().size();
    }

    @Benchmark
    public int detectAfterOneMorePoint() {
        return ChangePointDetection.append(series, before.weak(), 1, DetectionSettings.DEFAULT).changePoints().size();
    }
}
