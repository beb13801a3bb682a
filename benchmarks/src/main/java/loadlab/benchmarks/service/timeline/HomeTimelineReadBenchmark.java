package loadlab.benchmarks.service.timeline;

import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import loadlab.service.BlockFactory;
import loadlab.service.Blocks;
import loadlab.service.ServiceConfig;
import loadlab.service.model.TimelineEntry;
import loadlab.service.seed.SeedSpec;
import loadlab.service.seed.Seeder;
import loadlab.service.timeline.CelebritySet;
import loadlab.service.timeline.ReadPath;
import loadlab.service.timeline.TimelineRebuild;
import loadlab.service.timeline.TimelineStrategy;
import loadlab.service.timeline.WorkerGate;

/**
 * Reading the first page (20 posts' ids) of a random user's home timeline under each strategy, on
 * the embedded backends with 5,000 seeded users (10 follows each, power-law popularity, 5 posts
 * each). {@code read} merges followees' posts in the system of record; {@code write} reads the
 * cached timeline; {@code hybrid} reads it and merges the celebrities' posts (above 100 followers).
 *
 * <p>Run: {@code bin/loadlab bench --include HomeTimelineRead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HomeTimelineReadBenchmark {
    static final int USERS = 5_000;

    @Param({"read", "write", "hybrid"})
    String strategy;

    private Blocks blocks;
    private ReadPath reads;
    private final long[] readers = new long[1 << 12];
    private int next;

    @Setup
    public void seedAndBuildTimelines() {
        TimelineStrategy s = TimelineStrategy.parse(strategy);
        blocks = BlockFactory.open(ServiceConfig.defaults());
        new Seeder().seed(blocks.store(), new SeedSpec(USERS, 10, 1.0, 5, 42), 1_000_000_000_000L);
        CelebritySet celebrities = new CelebritySet(100);
        new TimelineRebuild(blocks, s, celebrities, new WorkerGate()).run();
        reads = new ReadPath(blocks, s, celebrities, new SimpleMeterRegistry());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < readers.length; i++) readers[i] = 1 + random.nextInt(USERS);
    }

    @Benchmark
    public List<TimelineEntry> firstPageOfARandomUser() {
        return reads.home(readers[next++ & (readers.length - 1)], Long.MAX_VALUE, 20);
    }

    @TearDown
    public void close() {
        blocks.close();
    }
}
