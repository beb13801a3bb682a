package loadlab.benchmarks.service.cache;

import java.util.ArrayList;
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
import loadlab.service.cache.CachedPage;
import loadlab.service.cache.TimelineCache;
import loadlab.service.model.TimelineEntry;

/**
 * The timeline cache's two hot operations, embedded (Caffeine) against Redis: reading a page of
 * 20 from a full 800-entry timeline, and pushing one entry into one timeline. The gap is the price
 * of a network hop and a Lua script per call.
 *
 * <p>Run: {@code bin/loadlab bench --include TimelineCache}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimelineCacheBenchmark {
    static final int USERS = 1_000;

    @Param({"caffeine", "redis"})
    String backend;

    private final String name = Backends.uniqueName();
    private TimelineCache cache;
    private long post = 1_000_000;
    private int user;

    @Setup
    public void fillTimelines() {
        cache = Backends.cache(backend, 800, name);
        Map<Long, List<TimelineEntry>> full = new HashMap<>();
        for (long u = 1; u <= USERS; u++) {
            List<TimelineEntry> entries = new ArrayList<>(800);
            for (long id = 800; id >= 1; id--) entries.add(new TimelineEntry(u * 1_000 + id, id % 50));
            full.put(u, entries);
        }
        cache.replace(full);
    }

    @Benchmark
    public CachedPage readAPageOf20() {
        return cache.read(1 + (user++ % USERS), Long.MAX_VALUE, 20);
    }

    @Benchmark
    public void pushOneEntry() {
        cache.push(new long[] {1 + (user++ % USERS)}, new TimelineEntry(++post, 7));
    }

    @TearDown
    public void clear() {
        cache.clear();
        cache.close();
    }
}
