package loadlab.benchmarks.service.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import loadlab.benchmarks.Backends;
import loadlab.service.cache.TimelineCache;
import loadlab.service.model.TimelineEntry;

/**
 * Fan-out on write of one post to N followers: the write cost that makes fan-out on write
 * expensive for celebrities. Every follower's timeline is cached (as after a rebuild), so each push
 * lands. Compare the time per post with the extra cost of a fan-out-on-read home timeline
 * ({@link HomeTimelineReadBenchmark}) times the reads per post to see where pushing stops paying off.
 *
 * <p>Run: {@code bin/loadlab bench --include FanoutOnWrite}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FanoutOnWriteBenchmark {
    @Param({"caffeine", "redis"})
    String backend;

    @Param({"10", "1000", "100000"})
    int followers;

    private final String name = Backends.uniqueName();
    private TimelineCache cache;
    private long[] users;
    private long post;

    @Setup
    public void cacheEveryFollowersTimeline() {
        cache = Backends.cache(backend, 800, name);
        users = new long[followers];
        Map<Long, List<TimelineEntry>> empty = new HashMap<>();
        for (int i = 0; i < followers; i++) {
            users[i] = i + 1;
            empty.put(users[i], List.of());
        }
        cache.replace(empty);
    }

    @Benchmark
    public void pushOnePostToEveryFollower() {
        cache.push(users, new TimelineEntry(++post, 42));
    }

    @TearDown
    public void clear() {
        cache.clear();
        cache.close();
    }
}
