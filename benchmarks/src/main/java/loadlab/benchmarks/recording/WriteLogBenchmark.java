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
import org.openjdk.jmh.annotations.Threads;

import loadlab.recording.WriteLog;

/**
 * What the client-side write history costs per write: an {@code invoke} line when the request is
 * sent and an {@code ok} line when it is acknowledged, formatted into the buffered
 * {@code writes.jsonl} as the engines do it, with a flush every 10,000 writes (the injector flushes
 * once a second). {@code twoThreads} has two event loops writing at once, sharing the log's lock.
 * The file is a link to {@code /dev/null}, so that millions of writes a second do not fill the disk:
 * the figure is loadlab's formatting, locking and write calls, not the disk's.
 *
 * <p>Run: {@code bin/loadlab bench --include WriteLog -- -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WriteLogBenchmark {
    private Path dir;
    private WriteLog log;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("loadlab-writelog-bench");
        Files.createSymbolicLink(dir.resolve(WriteLog.FILE), Path.of("/dev/null"));
        log = new WriteLog(dir);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        log.close();
        Files.deleteIfExists(dir.resolve(WriteLog.FILE));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long oneAcknowledgedWrite() {
        return write();
    }

    @Benchmark
    @Threads(2)
    public long twoThreads() {
        return write();
    }

    private long write() {
        long v = log.invoke("post", "POST", "/users/42/posts", null, null);
        log.ok(v, "post", Long.toString(1_000_000 + v), 201, "/posts/" + (1_000_000 + v), null);
        if (v % 10_000 == 0) log.flush();
        return v;
    }
}
