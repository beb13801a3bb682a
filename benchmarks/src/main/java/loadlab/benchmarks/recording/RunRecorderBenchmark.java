package loadlab.benchmarks.recording;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import loadlab.recording.RunRecorder;

/**
 * The path every request takes through loadlab's recording: response and service time into two
 * HdrHistogram recorders under the request's name. {@code withClockReads} adds the two
 * {@link System#nanoTime()} calls loadlab makes around each request, so it is the whole of what
 * loadlab adds per recorded request.
 *
 * <p>Run: {@code bin/loadlab bench --include RunRecorder}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RunRecorderBenchmark {
    private final RunRecorder recorder = new RunRecorder(0);
    private long i;

    @Benchmark
    public void recordOneResponse() {
        long intended = 1_000_000_000L + (i++ << 10);
        recorder.record("timeline", intended, intended + 50_000, intended + 250_000 + (i & 1023) * 1_000, null);
    }

    @Benchmark
    public void recordOneResponseWithClockReads() {
        long sent = System.nanoTime();
        long end = System.nanoTime();
        recorder.record("timeline", sent, sent, end, null);
    }
}
