package loadlab.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import loadlab.recording.RunFiles;
import loadlab.recording.RecordedProfile;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.recording.Tool;
import loadlab.recording.BenchSummary;

/** A bench run directory written in code: run.json and a loadlab.bench/1 summary.json. */
public final class BenchFixture {
    private BenchFixture() {}

    public static BenchSummary.Result result(String benchmark, Map<String, String> params, String mode, double score, Double error,
                                             String unit) {
        String[] parts = benchmark.split("\\.");
        String subject = parts[parts.length - 2] + "." + parts[parts.length - 1];
        return new BenchSummary.Result(benchmark, subject, new TreeMap<>(params), mode, score, error, unit, 2,
                List.of(List.of(score - 0.01 * score, score + 0.01 * score), List.of(score, score)));
    }

    /** A run of three subjects: fan-out at two backends and two sizes, a throughput benchmark, and a recording path. */
    public static Path writeTo(Path dir, double fanoutScale) throws Exception {
        Files.createDirectories(dir);
        String fanout = "loadlab.benchmarks.service.FanoutOnWriteBenchmark.fanOut";
        List<BenchSummary.Result> results = List.of(
                result(fanout, Map.of("backend", "caffeine", "followers", "10"), "avgt", 0.378 * fanoutScale, 0.017, "us/op"),
                result(fanout, Map.of("backend", "caffeine", "followers", "1000"), "avgt", 61.0 * fanoutScale, 8.1, "us/op"),
                result(fanout, Map.of("backend", "redis", "followers", "1000"), "avgt", 5_860 * fanoutScale, 720.0, "us/op"),
                result("loadlab.benchmarks.service.TimelinePageJsonBenchmark.encode", Map.of(), "thrpt", 285_000.0, 9_000.0, "ops/s"),
                result("loadlab.benchmarks.recording.RunRecorderBenchmark.recordOneResponse", Map.of(), "avgt", 22.6, 0.4, "ns/op"),
                result("loadlab.benchmarks.recording.RunRecorderBenchmark.recordOneResponseWithClockReads", Map.of(), "avgt", 71.8, null,
                        "ns/op"));
        RecordedProfile.Bench settings = new RecordedProfile.Bench("QUICK", 1, 1, 2, 1, ".*");
        RunFiles.write(dir.resolve(Summary.FILE), new BenchSummary(BenchSummary.SCHEMA, settings, List.of("RecordStore postgres: unreachable"),
                results));
        RunFiles.write(dir.resolve(RunManifest.FILE), RunManifest.bench(settings, Instant.parse("2026-09-21T12:00:00Z"),
                new Tool("loadlab", "test", "0123456789ab", "jmh 1.37")).ended("2026-09-21T12:02:00Z", 0, false, null));
        return dir;
    }
}
