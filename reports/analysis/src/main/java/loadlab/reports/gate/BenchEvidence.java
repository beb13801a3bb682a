package loadlab.reports.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import loadlab.recording.Summary;
import loadlab.recording.RunFiles;
import loadlab.recording.BenchSummary;

/**
 * What a bench run says about each benchmark: the score of every measured iteration of every fork.
 * The bootstrap resamples forks, then iterations within each fork, so a fork that landed on a bad
 * JIT decision or code layout weighs as much as it would in a new run.
 */
public final class BenchEvidence {
    private final Path dir;
    private final Map<String, BenchSummary.Result> results;

    private BenchEvidence(Path dir, Map<String, BenchSummary.Result> results) {
        this.dir = dir;
        this.results = results;
    }

    public static BenchEvidence read(Path dir) {
        return read(List.of(dir));
    }

    /**
     * One run, or several pooled: each benchmark's forks from all runs together, so a draw of forks
     * spans runs as well. A pooled result's score is the mean of all its iterations and has no JMH error.
     */
    public static BenchEvidence read(List<Path> dirs) {
        Map<String, BenchSummary.Result> results = new LinkedHashMap<>();
        for (Path dir : dirs) {
            Path file = dir.resolve(Summary.FILE);
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + " is missing; is " + dir + " a loadlab run directory?");
            BenchSummary summary = RunFiles.read(file, BenchSummary.class);
            if (!BenchSummary.SCHEMA.equals(summary.schema()) || summary.benchmarks() == null) {
                throw new IllegalArgumentException(dir + " is not a bench run; benchmark checks need one made by 'loadlab bench'");
            }
            for (BenchSummary.Result r : summary.benchmarks()) results.merge(key(r), r, BenchEvidence::pool);
        }
        return new BenchEvidence(dirs.get(0), results);
    }

    private static BenchSummary.Result pool(BenchSummary.Result a, BenchSummary.Result b) {
        List<List<Double>> forks = new ArrayList<>(a.iterations() == null ? List.of() : a.iterations());
        if (b.iterations() != null) forks.addAll(b.iterations());
        BenchSummary.Result pooled = new BenchSummary.Result(a.benchmark(), a.subject(), a.params(), a.mode(), a.score(), null, a.unit(),
                a.forks() + b.forks(), forks);
        return new BenchSummary.Result(a.benchmark(), a.subject(), a.params(), a.mode(), mean(pooled), null, a.unit(), pooled.forks(), forks);
    }

    /** The benchmark's full name with its params, as checks name it and tables show it. */
    public static String key(BenchSummary.Result r) {
        return r.params() == null || r.params().isEmpty() ? r.benchmark() : r.benchmark() + " " + r.params();
    }

    public Path dir() {
        return dir;
    }

    public Map<String, BenchSummary.Result> results() {
        return results;
    }

    /** The mean of all iterations; JMH's own score for throughput and average-time modes. */
    static double mean(BenchSummary.Result r) {
        if (r.iterations() == null || r.iterations().isEmpty()) return r.score();
        double sum = 0;
        int n = 0;
        for (List<Double> fork : r.iterations()) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? r.score() : sum / n;
    }

    /** One bootstrap draw of the mean: forks with replacement, then iterations within each drawn fork. */
    static double resampledMean(BenchSummary.Result r, SplittableRandom random) {
        List<List<Double>> forks = r.iterations();
        if (forks == null || forks.isEmpty()) return r.score();
        double sum = 0;
        int n = 0;
        for (int f = 0; f < forks.size(); f++) {
            List<Double> fork = forks.get(random.nextInt(forks.size()));
            for (int i = 0; i < fork.size(); i++) {
                sum += fork.get(random.nextInt(fork.size()));
                n++;
            }
        }
        return n == 0 ? r.score() : sum / n;
    }
}
