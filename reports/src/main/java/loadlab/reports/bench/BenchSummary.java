package loadlab.reports.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RecordedProfile;
import loadlab.recording.RunFiles;

/**
 * {@code summary.json} of a bench run ({@code "schema": "loadlab.bench/1"}), read from JMH's own
 * {@code jmh.json}: per benchmark and params, the mode, score, error (null where JMH writes "NaN"
 * for too few iterations), unit, and the raw score of every measurement iteration of every fork,
 * which is what a noise-aware gate needs.
 */
public record BenchSummary(String schema, RecordedProfile.Bench settings, List<String> skipped, List<Result> benchmarks) {
    public static final String SCHEMA = "loadlab.bench/1";

    /** One benchmark with one combination of params. */
    public record Result(String benchmark, String subject, Map<String, String> params, String mode, double score, Double error,
                         String unit, int forks, List<List<Double>> iterations) {}

    public static BenchSummary fromJmh(Path jmhJson, RecordedProfile.Bench settings, List<String> skipped) {
        JsonNode root;
        try {
            root = RunFiles.JSON.readTree(jmhJson.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(jmhJson + " is not JMH's JSON result: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray()) throw new IllegalArgumentException(jmhJson + " is not JMH's JSON result (expected an array)");
        List<Result> results = new ArrayList<>();
        for (JsonNode b : root) {
            String name = b.path("benchmark").asText();
            String[] parts = name.split("\\.");
            String subject = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode metric = b.path("primaryMetric");
            JsonNode error = metric.path("scoreError");
            List<List<Double>> iterations = new ArrayList<>();
            for (JsonNode fork : metric.path("rawData")) {
                List<Double> scores = new ArrayList<>();
                for (JsonNode it : fork) scores.add(it.asDouble());
                iterations.add(scores);
            }
            results.add(new Result(name, subject, params, b.path("mode").asText(), metric.path("score").asDouble(),
                    error.isNumber() ? Double.valueOf(error.asDouble()) : null, metric.path("scoreUnit").asText(),
                    b.path("forks").asInt(), iterations));
        }
        return new BenchSummary(SCHEMA, settings, List.copyOf(skipped), results);
    }

    /** The console table printed at the end of {@code loadlab bench}. */
    public void print(PrintWriter out) {
        out.printf(java.util.Locale.ROOT, "%n%-60s %-34s %14s %12s  %s%n", "benchmark", "params", "score", "± error", "unit");
        for (Result r : benchmarks) {
            String params = r.params().isEmpty() ? "" : loadlab.reports.format.Figures.pairs(r.params());
            out.printf(java.util.Locale.ROOT, "%-60s %-34s %14.3f %12s  %s%n", r.subject(), params, r.score(),
                    r.error() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", r.error()), r.unit());
        }
        for (String s : skipped) out.println("skipped: " + s);
        out.flush();
    }
}
