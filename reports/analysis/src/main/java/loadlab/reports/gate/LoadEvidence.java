package loadlab.reports.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import loadlab.recording.IntervalLogReader;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.recording.RequestHistograms;
import loadlab.reports.metric.Metric;

/**
 * What a load run says about itself, in the form a noise-aware gate needs: per request name (and
 * {@value RequestHistograms#ALL} for all of them) the response and service times, completions and errors of
 * each slice of consecutive seconds. Slices, not single requests, are what is resampled, so the
 * intervals keep the slow seconds and the bursts that make p99 wander from run to run.
 */
public final class LoadEvidence {
    /** About this many slices per run: enough to resample, long enough to keep neighbouring seconds together. */
    static final int TARGET_SLICES = 40;

    private final List<Path> dirs;
    private final Summary summary;
    private final int[] offsets;
    private final int[] counts;
    private final int slices;
    private final Map<String, TimeSlices> latency;
    private final Map<String, TimeSlices> service;
    private final Map<String, long[]> completions;
    private final Map<String, long[]> errors;
    private final double[] seconds;

    private LoadEvidence(List<Path> dirs, Summary summary, int[] offsets, int[] counts, Map<String, TimeSlices> latency,
                         Map<String, TimeSlices> service, Map<String, long[]> completions, Map<String, long[]> errors, double[] seconds) {
        this.dirs = List.copyOf(dirs);
        this.summary = summary;
        this.offsets = offsets;
        this.counts = counts;
        this.slices = seconds.length;
        this.latency = latency;
        this.service = service;
        this.completions = completions;
        this.errors = errors;
        this.seconds = seconds;
    }

    /** Seconds per slice: 3 or more once a run is 30 s long, and about {@value #TARGET_SLICES} slices for long runs. */
    static int sliceSeconds(double measuredSeconds) {
        int n = (int) Math.max(1, Math.ceil(measuredSeconds));
        return Math.max((int) Math.ceil(n / (double) TARGET_SLICES), n >= 30 ? 3 : 1);
    }

    public static LoadEvidence read(RunDirectory run) {
        return read(List.of(run));
    }

    /**
     * One run, or several runs of the same build pooled as one baseline. With several, a bootstrap
     * draw first draws runs (with replacement), then slices within each drawn run, so the
     * variation from one run to the next is in the interval too, not only the variation within a run.
     */
    public static LoadEvidence read(List<RunDirectory> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no run directory given");
        List<Path> dirs = runs.stream().map(RunDirectory::path).toList();
        List<RunManifest> manifests = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        int[] widths = new int[dirs.size()];
        int[] offsets = new int[dirs.size()];
        int[] counts = new int[dirs.size()];
        int total = 0;
        for (int i = 0; i < dirs.size(); i++) {
            manifests.add(runs.get(i).manifest());
            Summary summary = runs.get(i).summary();
            summaries.add(summary);
            double measured = summary.run().measuredSeconds();
            widths[i] = sliceSeconds(measured);
            counts[i] = (int) Math.max(1, Math.ceil(Math.max(1, measured) / widths[i]));
            offsets[i] = total;
            total += counts[i];
        }
        int slices = total;
        Map<String, TimeSlices.Builder> lat = new TreeMap<>();
        Map<String, TimeSlices.Builder> svc = new TreeMap<>();
        Map<String, long[]> done = new TreeMap<>();
        Map<String, long[]> failed = new TreeMap<>();
        long[] spanStart = new long[slices];
        long[] spanEnd = new long[slices];
        Arrays.fill(spanStart, Long.MAX_VALUE);
        Arrays.fill(spanEnd, Long.MIN_VALUE);
        double[] secs = new double[slices];
        for (int i = 0; i < dirs.size(); i++) {
            RunDirectory run = runs.get(i);
            long origin = manifests.get(i).measureFromMillis();
            int width = widths[i];
            int first = offsets[i];
            int n = counts[i];
            run.latency(e -> {
                int b = first + slice(e, origin, width, n);
                spanStart[b] = Math.min(spanStart[b], e.startMillis());
                spanEnd[b] = Math.max(spanEnd[b], e.endMillis());
                done.computeIfAbsent(e.name(), k -> new long[slices])[b] += e.histogram().getTotalCount();
                if (e.failed()) {
                    failed.computeIfAbsent(e.name(), k -> new long[slices])[b] += e.histogram().getTotalCount();
                } else {
                    lat.computeIfAbsent(e.name(), k -> new TimeSlices.Builder(slices)).add(b, e.histogram());
                }
            });
            run.service(e -> {
                if (!e.failed()) {
                    svc.computeIfAbsent(e.name(), k -> new TimeSlices.Builder(slices)).add(first + slice(e, origin, width, n),
                            e.histogram());
                }
            });
            for (int b = first; b < first + n; b++) {
                boolean last = b == first + n - 1;
                secs[b] = spanEnd[b] > spanStart[b] ? RunDirectory.coveredSeconds(spanStart[b], spanEnd[b], last, width)
                        : last ? 0.001 : width;
            }
        }
        return new LoadEvidence(dirs, summaries.get(0), offsets, counts, withAll(lat, slices), withAll(svc, slices),
                withAllCounts(done, slices), withAllCounts(failed, slices), secs);
    }

    /**
     * One bootstrap draw: slice indices (repeats allowed) to add up. One run: as many slices as it
     * has, drawn from all of them. Several pooled runs: first the runs, then each drawn run's slices.
     */
    int[] resample(SplittableRandom random) {
        if (offsets.length == 1) return TimeSlices.resample(slices, random);
        int[] runs = new int[offsets.length];
        int length = 0;
        for (int i = 0; i < runs.length; i++) {
            runs[i] = random.nextInt(offsets.length);
            length += counts[runs[i]];
        }
        int[] choice = new int[length];
        int at = 0;
        for (int r : runs) {
            for (int j = 0; j < counts[r]; j++) choice[at++] = offsets[r] + random.nextInt(counts[r]);
        }
        return choice;
    }

    private static int slice(IntervalLogReader.Entry e, long origin, int width, int slices) {
        long b = e.slot(origin, width);
        return (int) Math.max(0, Math.min(slices - 1, b));
    }

    private static Map<String, TimeSlices> withAll(Map<String, TimeSlices.Builder> byName, int slices) {
        Map<String, TimeSlices> out = new LinkedHashMap<>();
        TimeSlices.Builder all = new TimeSlices.Builder(slices);
        byName.values().forEach(all::addAll);
        out.put(RequestHistograms.ALL, all.build());
        byName.forEach((name, b) -> out.put(name, b.build()));
        return out;
    }

    private static Map<String, long[]> withAllCounts(Map<String, long[]> byName, int slices) {
        Map<String, long[]> out = new LinkedHashMap<>();
        long[] all = new long[slices];
        byName.values().forEach(c -> {
            for (int b = 0; b < slices; b++) all[b] += c[b];
        });
        out.put(RequestHistograms.ALL, all);
        out.putAll(byName);
        return out;
    }

    /** The run's directory, or the first of a pooled baseline's, for messages. */
    public Path dir() {
        return dirs.get(0);
    }

    public int runs() {
        return dirs.size();
    }

    /** The summary of the (first) run: what absolute checks read. */
    public Summary summary() {
        return summary;
    }

    public int slices() {
        return slices;
    }

    /** The request names this run recorded (without {@value RequestHistograms#ALL}). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(completions.keySet());
        names.remove(RequestHistograms.ALL);
        return names;
    }

    public boolean has(String name) {
        return completions.containsKey(name);
    }

    /** The metric of one request name over the slices chosen (each slice index may repeat). */
    double value(Metric metric, String name, int[] choice) {
        return switch (metric.kind()) {
            case LATENCY -> latencyValue(latency.get(name), metric, choice);
            case SERVICE -> latencyValue(service.getOrDefault(name, latency.get(name)), metric, choice);
            case ERRORS -> {
                long n = pick(completions.get(name), choice);
                yield n == 0 ? 0 : (double) pick(errors.getOrDefault(name, new long[slices]), choice) / n;
            }
            case THROUGHPUT, ACHIEVED -> {
                double s = 0;
                for (int b : choice) s += seconds[b];
                yield s == 0 ? 0 : pick(completions.get(name), choice) / s;
            }
            case BENCH, CAPACITY, RECOVERY, FAULT_ERRORS, LOST_WRITES, CHECKS, SERVER_TIMING -> throw new IllegalArgumentException("metric " + metric.id() + " does not apply to the load run " + dir());
        };
    }

    /** The metric over the whole run: every slice once. */
    double value(Metric metric, String name) {
        int[] every = new int[slices];
        for (int i = 0; i < slices; i++) every[i] = i;
        return value(metric, name, every);
    }

    /** NaN when no successful request of the name is in the slices chosen: there is no time to judge. */
    private static double latencyValue(TimeSlices b, Metric metric, int[] choice) {
        if (b == null) return Double.NaN;
        long[] summed = b.sum(choice);
        if (Arrays.stream(summed).allMatch(c -> c == 0)) return Double.NaN;
        if (metric == Metric.MEAN || metric == Metric.SERVICE_MEAN) return b.mean(summed);
        return b.percentile(summed, metric.percentile());
    }

    private static long pick(long[] perSlice, int[] choice) {
        long n = 0;
        for (int b : choice) n += perSlice[b];
        return n;
    }

}
