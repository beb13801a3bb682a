package loadlab.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import loadlab.recording.BenchSummary;
import loadlab.recording.RequestHistograms;
import loadlab.recording.RequestName;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunFiles;
import loadlab.recording.RunKind;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.gate.BenchEvidence;
import loadlab.reports.metric.Metric;

/**
 * The points one run directory contributes, read through recording's model (a damaged run is
 * refused, not read as zeros): a load run's response-time percentiles, throughput, error rate and
 * service-time p99 for all requests and each request name, and each {@code Server-Timing} entry's
 * percentiles as a series of its own ({@code load:SCENARIO/REQUEST/ENTRY}), so a history can say
 * which building block slowed; a bench run's scores with JMH's interval; a capacity search's
 * sustainable rate with its bracket.
 *
 * @param runId the run directory's name: a run is added once
 * @param kind  {@code load}, {@code bench} or {@code capacity}
 * @param dir   where the run is, links resolved ({@code runs/latest} moves on), so a gate can re-read it; null for points made in code
 */
public record RunPoints(String runId, String kind, RunState state, List<HistoryPoint> points, Path dir) {
    /** The load-run metrics a history keeps, named as the gate names them. */
    static final List<Metric> LOAD_METRICS = List.of(Metric.P50, Metric.P95, Metric.P99, Metric.P999, Metric.MAX, Metric.THROUGHPUT,
            Metric.ERROR_RATE, Metric.SERVICE_P99);
    /** What a history keeps of each Server-Timing entry. */
    static final List<Metric> ENTRY_METRICS = List.of(Metric.SERVER_TIMING_P50, Metric.SERVER_TIMING_P95, Metric.SERVER_TIMING_P99,
            Metric.SERVER_TIMING_MAX);

    public static RunPoints read(Path dir, Provenance where) {
        Path d;
        try {
            d = dir.toRealPath(); // runs/latest is a link: the run's own name is its id
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + " does not exist; give a run directory such as runs/latest");
        }
        String runId = d.getFileName().toString();
        if (Files.isRegularFile(d.resolve(CapacityResult.FILE))) return capacity(d, runId, where);
        RunDirectory run = RunDirectory.open(d);
        return run.kind() == RunKind.BENCH ? bench(run, runId, where) : load(run, runId, where);
    }

    private static RunPoints load(RunDirectory run, String runId, Provenance where) {
        Summary s = run.summary();
        List<HistoryPoint> out = new ArrayList<>();
        String scenario = run.manifest().scenario();
        add(out, where, "load:" + scenario + "/" + RequestHistograms.ALL, s.total(), runId, run.state());
        for (Map.Entry<String, Summary.Stats> e : s.requests().entrySet()) {
            add(out, where, "load:" + scenario + "/" + e.getKey(), e.getValue(), runId, run.state());
        }
        if (s.serverTiming() != null) {
            s.serverTiming().entries().forEach((request, entries) -> entries.forEach((entry, d) -> {
                for (Metric m : ENTRY_METRICS) {
                    double v = m.read(d);
                    if (Double.isNaN(v)) continue;
                    out.add(point(where, "load:" + scenario + "/" + RequestName.timingTag(request, entry), m.id(), v, null, null, runId,
                            run.state(), m.higherIsWorse()));
                }
            }));
        }
        return new RunPoints(runId, RunKind.LOAD.id(), run.state(), List.copyOf(out), run.path());
    }

    private static void add(List<HistoryPoint> out, Provenance where, String series, Summary.Stats stats, String runId, RunState state) {
        for (Metric m : LOAD_METRICS) {
            double v = m.of(stats);
            if (Double.isNaN(v)) continue; // a time of a name with no successful request is not a figure
            out.add(point(where, series, m.id(), v, null, null, runId, state, m.higherIsWorse()));
        }
    }

    private static RunPoints bench(RunDirectory run, String runId, Provenance where) {
        BenchSummary summary = RunFiles.read(run.path().resolve(Summary.FILE), BenchSummary.class);
        if (summary.benchmarks() == null) throw new IllegalArgumentException(run.path() + " is a bench run without results; it adds nothing to a history");
        List<HistoryPoint> out = new ArrayList<>();
        for (BenchSummary.Result r : summary.benchmarks()) {
            boolean interval = r.error() != null && Double.isFinite(r.error());
            out.add(point(where, "bench:" + BenchEvidence.key(r), Metric.SCORE.id(), r.score(), interval ? r.score() - r.error() : null,
                    interval ? r.score() + r.error() : null, runId, run.state(), r.higherIsWorse()));
        }
        return new RunPoints(runId, RunKind.BENCH.id(), run.state(), List.copyOf(out), run.path());
    }

    private static RunPoints capacity(Path dir, String runId, Provenance where) {
        CapacityResult c = CapacityResult.read(dir);
        RunState state = c.sustainableRatePerS() == null ? RunState.INVALID : RunState.COMPLETE;
        List<HistoryPoint> out = c.sustainableRatePerS() == null ? List.of()
                : List.of(point(where, "capacity:" + c.scenario(), Metric.SUSTAINABLE_RATE.id(), c.sustainableRatePerS(),
                        c.bracket() == null ? null : c.bracket().lowPerS(), c.bracket() == null ? null : c.bracket().highPerS(), runId, state,
                        Metric.SUSTAINABLE_RATE.higherIsWorse()));
        return new RunPoints(runId, "capacity", state, out, dir);
    }

    private static HistoryPoint point(Provenance w, String series, String metric, double value, Double low, Double high, String runId,
                                      RunState state, boolean higherIsWorse) {
        return new HistoryPoint(w.testbed(), series, metric, value, low, high, w.commit(), w.branch(), w.commitTime(), runId, state, higherIsWorse);
    }
}
