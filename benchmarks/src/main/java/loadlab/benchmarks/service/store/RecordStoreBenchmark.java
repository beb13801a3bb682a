package loadlab.benchmarks.service.store;

import java.util.List;
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
import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;
import loadlab.service.seed.SeedSpec;
import loadlab.service.seed.Seeder;
import loadlab.service.store.RecordStore;

/**
 * The system of record, embedded H2 against PostgreSQL, both through a HikariCP pool: a durable
 * post insert (one committed transaction) and a fan-out-on-read home timeline (the followees'
 * newest 20 posts, a join) over 2,000 seeded users.
 *
 * <p>Run: {@code bin/loadlab bench --include RecordStore}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordStoreBenchmark {
    static final int USERS = 2_000;

    @Param({"h2", "postgres"})
    String backend;

    private final String name = Backends.uniqueName();
    private RecordStore store;
    private long user;

    @Setup
    public void seed() {
        store = Backends.store(backend, name);
        new Seeder().seed(store, new SeedSpec(USERS, 10, 1.0, 5, 42), 1_000_000_000_000L);
    }

    @Benchmark
    public Post insertAPost() {
        return store.insertPost(1 + (user++ % USERS), "a post written by the benchmark", 1_795_000_000_000_000L);
    }

    @Benchmark
    public List<TimelineEntry> readAHomeTimelineByJoin() {
        return store.homeTimeline(1 + (user++ % USERS), Long.MAX_VALUE, 20);
    }

    @TearDown
    public void drop() throws Exception {
        store.close();
        Backends.dropStore(backend, name);
    }
}
