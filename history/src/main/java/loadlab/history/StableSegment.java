package loadlab.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import loadlab.reports.changes.ChangePoint;
import loadlab.reports.changes.ChangePointDetection;
import loadlab.reports.changes.DetectionSettings;

/**
 * The baseline a gate takes from a history instead of hand-picked runs: the runs of the judged run's
 * series since the newest change point of any of its metrics (the last stretch where nothing
 * changed), newest first up to a limit, as run directories the gate pools with its usual bootstrap.
 *
 * @param series       the series the segment was found in ({@code load:SCENARIO/*}, or each benchmark's)
 * @param since        when the segment starts: the commit time of the first run after the newest change point, or null when the history has none
 * @param runs         the segment's run directories, oldest first, at most the limit
 * @param missing      the segment's runs whose directories are no longer on disk
 */
public record StableSegment(Set<String> series, Instant since, List<Path> runs, List<String> missing) {
    /** How many of a segment's runs a gate pools by default: enough to carry run-to-run variation, few enough to read quickly. */
    public static final int DEFAULT_RUNS = 10;

    public static StableSegment of(HistoryStore store, Path runDir, String testbed, DetectionSettings settings, int max) {
        String bed = testbed == null || testbed.isBlank() ? Provenance.DEFAULT_TESTBED : testbed;
        RunPoints judged = RunPoints.read(runDir, new Provenance(null, null, Instant.now(), bed));
        Set<String> series = new LinkedHashSet<>();
        for (HistoryPoint p : judged.points()) if (!p.series().startsWith("load:") || p.series().endsWith("/*")) series.add(p.series());
        if (series.isEmpty()) throw new IllegalArgumentException(runDir + " has no figures a history keeps, so there is nothing to compare it with");
        Map<String, List<HistoryPoint>> bySeriesAndMetric = new LinkedHashMap<>();
        for (HistoryPoint p : store.points(null, null)) {
            if (!p.testbed().equals(bed) || !series.contains(p.series()) || !p.counts() || p.runId().equals(judged.runId())) continue;
            bySeriesAndMetric.computeIfAbsent(p.series() + "\u0000" + p.metric(), k -> new ArrayList<>()).add(p);
        }
        if (bySeriesAndMetric.isEmpty()) {
            throw new IllegalArgumentException("the history " + store.describe() + " has no complete runs of " + String.join(", ", series) + " on testbed "
                    + bed + "; add some with 'loadlab history add', or give --baseline");
        }
        Instant since = null;
        for (List<HistoryPoint> ps : bySeriesAndMetric.values()) {
            List<ChangePoint> changes = ChangePointDetection.detect(ps.stream().mapToDouble(HistoryPoint::value).toArray(), settings).changePoints();
            if (changes.isEmpty()) continue;
            Instant start = ps.get(changes.get(changes.size() - 1).index()).commitTime();
            if (since == null || start.isAfter(since)) since = start;
        }
        Map<String, Instant> runs = new LinkedHashMap<>();
        for (List<HistoryPoint> ps : bySeriesAndMetric.values()) {
            for (HistoryPoint p : ps) if (since == null || !p.commitTime().isBefore(since)) runs.merge(p.runId(), p.commitTime(), (a, b) -> a);
        }
        List<String> ordered = new ArrayList<>(runs.keySet());
        ordered.sort((a, b) -> runs.get(a).compareTo(runs.get(b)));
        List<String> newest = ordered.subList(Math.max(0, ordered.size() - max), ordered.size());
        List<Path> dirs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : newest) {
            String dir = store.runDir(id);
            if (dir != null && Files.isDirectory(Path.of(dir))) dirs.add(Path.of(dir));
            else missing.add(id);
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("the history's baseline runs (" + String.join(", ", missing) + ") are no longer on disk; a gate "
                    + "re-reads their run directories, so keep them, or give --baseline");
        }
        return new StableSegment(series, since, List.copyOf(dirs), List.copyOf(missing));
    }
}
