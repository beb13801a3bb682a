package loadlab.benchmarks.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import loadlab.recording.IntervalLog;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.RunRecorder;
import loadlab.recording.RunDirectory;
import loadlab.recording.RecordedProfile;
import loadlab.recording.Tool;
import loadlab.recording.Summary;

/**
 * Opening a one-hour run through its model (validating every interval and computing {@code summary.json}): 3,600 one-second intervals of three request
 * names (about 200 responses each) read back and added up. Shows that a summary (and later a
 * report) of any run length builds in a bounded time.
 *
 * <p>Run: {@code bin/loadlab bench --include RunSummarizer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RunSummarizerBenchmark {
    private Path dir;

    @Setup
    public void writeAnHourLongRun() throws IOException {
        dir = Files.createTempDirectory("loadlab-bench-summary");
        long start = System.currentTimeMillis(); // the recorder stamps intervals with the wall clock
        RecordedProfile profile = new RecordedProfile.Open(List.of(new RecordedProfile.Phase(600, 600, 3_600)), 0, 3_600, 2_160_000, null, 1);
        RunFiles.write(dir.resolve(RunManifest.FILE), RunManifest.load("bench", "timeline", "http://127.0.0.1:1/", profile, Map.of(),
                Instant.ofEpochMilli(start), start, 600.0, null, Tool.current("test"))
                .ended(Instant.ofEpochMilli(start + 3_600_000).toString(), 3_600, false, null));
        RunRecorder recorder = new RunRecorder(0);
        SplittableRandom random = new SplittableRandom(5);
        try (IntervalLog log = new IntervalLog(recorder, dir, start, null, why -> {
            throw new IllegalStateException(why);
        })) {
            for (int second = 0; second < 3_600; second++) {
                for (String name : new String[] {"timeline", "post", "search"}) {
                    for (int i = 0; i < 200; i++) {
                        long latency = 200_000 + (long) (random.nextDouble() * random.nextDouble() * 50_000_000);
                        recorder.record(name, 0, latency / 2, latency, null);
                    }
                }
                log.writeInterval();
            }
        }
    }

    @Benchmark
    public Summary summarizeAnHourOfIntervals() {
        return RunDirectory.open(dir).summary();
    }

    @TearDown
    public void delete() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }
}
