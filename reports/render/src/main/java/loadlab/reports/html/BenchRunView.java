package loadlab.reports.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;
import loadlab.recording.RecordedProfile;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.recording.BenchSummary;

/**
 * Everything the report shows about one bench run: each benchmark with its confidence interval,
 * grouped by the class that holds it (its subject), with the JVM that JMH ran the forks in.
 *
 * @param groups benchmarks by subject (the benchmark class), in the order JMH ran them
 * @param jvm    JMH's record of the forked JVM: "jmh", "jvm", "vm_version", "jvm_args" (empty if no result)
 */
public record BenchRunView(String label, RunManifest manifest, BenchSummary summary, Map<String, List<BenchSummary.Result>> groups,
                           Map<String, String> jvm) {

    public static BenchRunView read(Path dir) {
        return read(RunDirectory.open(dir));
    }

    public static BenchRunView read(RunDirectory run) {
        Path dir = run.path();
        RunManifest manifest = run.manifest();
        BenchSummary summary = Files.exists(dir.resolve(Summary.FILE))
                ? RunFiles.read(dir.resolve(Summary.FILE), BenchSummary.class)
                : BenchSummary.fromJmh(existing(dir.resolve(RunFiles.JMH_JSON)), (RecordedProfile.Bench) manifest.profile(), List.of());
        if (summary.benchmarks() == null) {
            throw new IllegalArgumentException(dir.resolve(Summary.FILE) + " is incomplete (it lists no benchmarks); delete it and "
                    + "'loadlab report' rebuilds it from jmh.json");
        }
        Map<String, List<BenchSummary.Result>> groups = summary.benchmarks().stream()
                .collect(Collectors.groupingBy(BenchRunView::subject, LinkedHashMap::new, Collectors.toList()));
        return new BenchRunView(RunLabel.of(dir), manifest, summary, groups, jvm(dir.resolve(RunFiles.JMH_JSON)));
    }

    /** The benchmark class, e.g. {@code FanoutOnWriteBenchmark} of {@code loadlab...FanoutOnWriteBenchmark.fanOut}. */
    public static String subject(BenchSummary.Result r) {
        String[] parts = r.benchmark().split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : r.benchmark();
    }

    /** The method name and params of a result, the way a reader tells two rows of one subject apart. */
    public static String rowLabel(BenchSummary.Result r) {
        String[] parts = r.benchmark().split("\\.");
        String method = parts[parts.length - 1];
        if (r.params() == null || r.params().isEmpty()) return method;
        List<String> ps = new ArrayList<>();
        r.params().forEach((k, v) -> ps.add(k + "=" + v));
        return method + " [" + String.join(", ", ps) + "]";
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + " is missing; is this a loadlab bench run directory?");
        return file;
    }

    private static Map<String, String> jvm(Path jmhJson) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(jmhJson)) return out;
        try {
            JsonNode root = RunFiles.JSON.readTree(jmhJson.toFile());
            if (root == null || !root.isArray() || root.isEmpty()) return out;
            JsonNode first = root.get(0);
            out.put("jmh", first.path("jmhVersion").asText());
            out.put("jvm", first.path("vmName").asText() + " " + first.path("vmVersion").asText());
            out.put("jdk", first.path("jdkVersion").asText());
            List<String> args = new ArrayList<>();
            first.path("jvmArgs").forEach(a -> args.add(a.asText()));
            out.put("jvm_args", String.join(" ", args));
            out.put("threads", first.path("threads").asText());
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(jmhJson + " is not JMH's JSON result: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
