package loadlab.benchmarks.service.search;

import java.util.List;
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

import loadlab.service.model.Post;
import loadlab.service.search.LuceneSearchIndex;
import loadlab.service.seed.TextGenerator;

/**
 * The search index over 100,000 seeded posts: adding one post (without the refresh the indexer
 * does per batch), and a query for a common word (the 10th most frequent) returning the 20 newest.
 *
 * <p>Run: {@code bin/loadlab bench --include SearchIndex}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchIndexBenchmark {
    private final LuceneSearchIndex index = new LuceneSearchIndex();
    private final TextGenerator text = new TextGenerator(5_000, 42);
    private final SplittableRandom random = new SplittableRandom(3);
    private long id;
    private String commonWord;

    @Setup
    public void index100kPosts() {
        index.rebuild(sink -> {
            for (id = 1; id <= 100_000; id++) sink.accept(new Post(id, id % 1000, text.post(random), id));
        });
        commonWord = text.word(10);
    }

    @Benchmark
    public void addOnePost() {
        id++;
        index.add(List.of(new Post(id, id % 1000, text.post(random), id)));
    }

    @Benchmark
    public List<Long> queryACommonWord() {
        return index.search(commonWord, 20);
    }

    @TearDown
    public void close() {
        index.close();
    }
}
