package loadlab.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

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
                         String unit, int forks, List<List<Double>> iterations) {
        /**
         * Whether a higher score is worse: time per operation rises when code slows, operations
         * per time (JMH's {@code thrpt} mode, or an {@code ops/…} unit) fall. The gate and the
         * bench report both ask here.
         */
        public boolean higherIsWorse() {
            return !"thrpt".equals(mode) && (unit == null || !unit.startsWith("ops/"));
        }
    }

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
}
