package loadlab.benchmarks.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import loadlab.recording.IntervalLog;
import loadlab.recording.RunRecorder;

/**
 * Writing one second's interval to the run directory, as the interval log does every second:
 * four request names with 2,000 recorded responses each, encoded and appended to the three logs
 * and flushed. This is the per-second cost of keeping memory flat.
 *
 * <p>Run: {@code bin/loadlab bench --include IntervalLog}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntervalLogBenchmark {
    private static final String[] NAMES = {"timeline", "post", "search", "follow"};
    private Path dir;
    private RunRecorder recorder;
    private IntervalLog log;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("loadlab-bench-interval");
        recorder = new RunRecorder(0);
        log = new IntervalLog(recorder, dir, System.currentTimeMillis(), null, why -> {
            throw new IllegalStateException(why);
        });
    }

    @Setup(Level.Invocation)
    public void recordASecond() {
        for (String name : NAMES) {
            for (int i = 0; i < 2_000; i++) recorder.record(name, 0, 10_000, 200_000 + i * 517L, null);
        }
    }

    @Benchmark
    public void writeOneInterval() {
        log.writeInterval();
    }

    @TearDown
    public void close() throws IOException {
        log.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }
}
