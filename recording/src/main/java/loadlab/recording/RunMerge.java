package loadlab.recording;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Adds up run directories from several injectors that ran shares of one profile: histograms of
 * the same request name in the same second are added (never percentiles averaged), target rates
 * add, and the summary is computed from the merged logs like any other run's.
 */
public final class RunMerge {
    private RunMerge() {}

    public static Summary merge(List<Path> dirs, Path out) {
        if (dirs.isEmpty()) throw new IllegalArgumentException("merge needs at least one run directory");
        List<RunManifest> manifests = new ArrayList<>();
        for (Path d : dirs) manifests.add(RunFiles.read(d.resolve(RunManifest.FILE), RunManifest.class));
        RunManifest first = manifests.get(0);
        for (int i = 1; i < manifests.size(); i++) {
            RunManifest m = manifests.get(i);
            if (!m.scenario().equals(first.scenario()) || !m.model().equals(first.model())) {
                throw new IllegalArgumentException(dirs.get(i) + " ran " + m.scenario() + " (" + m.model() + ") but " + dirs.get(0) + " ran "
                        + first.scenario() + " (" + first.model() + "); only runs of one profile can be merged");
            }
        }
        long start = manifests.stream().mapToLong(RunManifest::measureFromMillis).min().orElseThrow();
        for (String log : List.of(IntervalLog.LATENCY, IntervalLog.SERVICE, IntervalLog.LAG)) {
            writeMerged(dirs, log, out.resolve(log), start);
        }
        Double target = null;
        for (RunManifest m : manifests) if (m.targetRate() != null) target = (target == null ? 0 : target) + m.targetRate();
        Map<String, Object> profile = new LinkedHashMap<>(first.profile());
        profile.remove("segment");
        profile.put("injectors", manifests.size());
        RunManifest merged = new RunManifest(RunManifest.SCHEMA, first.name() + "-merged", first.scenario(), first.target(), first.model(),
                profile, first.parameters(), manifests.stream().map(RunManifest::started).min(String::compareTo).orElse(null),
                manifests.stream().map(RunManifest::ended).filter(java.util.Objects::nonNull).max(String::compareTo).orElse(null),
                start, manifests.stream().mapToDouble(RunManifest::measuredSeconds).max().orElse(0), target, null,
                manifests.stream().anyMatch(RunManifest::interrupted), first.tool(), Map.of("merged_from", dirs.stream().map(Path::toString).toList()));
        RunFiles.write(out.resolve(RunManifest.FILE), merged);
        Summary summary = RunSummarizer.summarize(out);
        RunFiles.write(out.resolve(RunFiles.SUMMARY), summary);
        return summary;
    }

    private static void writeMerged(List<Path> dirs, String name, Path target, long baseMillis) {
        Map<Long, Map<String, Histogram>> bySecond = new TreeMap<>();
        for (Path d : dirs) {
            IntervalLogReader.forEach(d.resolve(name), e -> {
                Map<String, Histogram> tags = bySecond.computeIfAbsent(e.startMillis() / 1000, s -> new TreeMap<>());
                Histogram sum = tags.computeIfAbsent(e.tag(), t -> {
                    Histogram h = Histograms.empty();
                    h.setStartTimeStamp(e.startMillis());
                    h.setEndTimeStamp(e.endMillis());
                    return h;
                });
                sum.add(e.histogram());
                sum.setStartTimeStamp(Math.min(sum.getStartTimeStamp(), e.startMillis()));
                sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), e.endMillis()));
            });
        }
        try (PrintStream out = new PrintStream(new FileOutputStream(target.toFile()), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("loadlab merge of " + dirs.size() + " run directories");
            writer.outputLogFormatVersion();
            writer.outputStartTime(baseMillis);
            writer.setBaseTime(baseMillis);
            writer.outputLegend();
            for (Map<String, Histogram> tags : bySecond.values()) {
                for (Map.Entry<String, Histogram> t : tags.entrySet()) {
                    t.getValue().setTag(t.getKey().isEmpty() ? null : t.getKey());
                    writer.outputIntervalHistogram(t.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
