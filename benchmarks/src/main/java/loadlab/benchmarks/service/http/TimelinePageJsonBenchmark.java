package loadlab.benchmarks.service.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import loadlab.service.http.Json;
import loadlab.service.http.TimelineApi;

/**
 * Encoding a home-timeline page of 20 posts as the JSON body the API sends: the serialisation
 * share of every timeline request.
 *
 * <p>Run: {@code bin/loadlab bench --include TimelinePageJson}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimelinePageJsonBenchmark {
    private TimelineApi.Page page;

    @Setup
    public void buildPage() {
        List<TimelineApi.PostView> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(new TimelineApi.PostView(1_000_000 - i, 17 + i, "brazene taki fali nelesto zaru dustaro ma ba " + i, 1_795_000_000_000_000L + i));
        }
        page = new TimelineApi.Page(42, posts, 999_980L);
    }

    @Benchmark
    public byte[] encodeAPageOf20() {
        return Json.write(page);
    }
}
