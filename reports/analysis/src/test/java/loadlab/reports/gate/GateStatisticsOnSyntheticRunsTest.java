package loadlab.reports.gate;

import loadlab.recording.RunDirectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunFiles;
import loadlab.recording.Summary;
import loadlab.recording.RequestHistograms;
import loadlab.reports.metric.Metric;

/**
 * The relative checks on runs whose truth is known: drawn from one distribution, they pass; with
 * latencies 20% higher they fail; with half the samples of the same distribution they pass.
 */
class GateStatisticsOnSyntheticRunsTest {
    @TempDir
    static Path tmp;
    static Path baseline;
    static GateSpec spec;

    @BeforeAll
    static void baseline() {
        baseline = GateFixtures.load(tmp.resolve("baseline"), 1, 200, 60, 1.0);
        spec = GateSpec.parse(Map.of("relative", List.of(
                Map.of("request", "*", "metric", "p50", "worse-by-at-most", "10%"),
                Map.of("request", "*", "metric", "p99", "worse-by-at-most", "10%"),
                Map.of("request", "*", "metric", "mean", "worse-by-at-most", "10%"),
                Map.of("request", "read", "metric", "p90", "worse-by-at-most", "10%"))), "spec");
    }

    @Test
    void aRunFromTheSameDistributionPasses() {
        GateVerdict v = Gate.judge(spec, GateFixtures.load(tmp.resolve("same"), 2, 200, 60, 1.0), baseline);
        assertTrue(v.passed(), v.toString());
        assertEquals(4, v.count(CheckResult.Verdict.PASS), v.toString());
    }

    @Test
    void aRunWithLatencies20PercentHigherFails() {
        GateVerdict v = Gate.judge(spec, GateFixtures.load(tmp.resolve("slower"), 3, 200, 60, 1.2), baseline);
        assertTrue(!v.passed(), v.toString());
        assertEquals(4, v.count(CheckResult.Verdict.FAIL), v.toString());
        CheckResult p50 = v.results().get(0);
        assertTrue(p50.change().startsWith("+19.") || p50.change().startsWith("+20.") || p50.change().startsWith("+21."), p50.change());
    }

    @Test
    void aRunWithHalfTheSamplesOfTheSameDistributionPasses() {
        GateVerdict v = Gate.judge(spec, GateFixtures.load(tmp.resolve("half"), 4, 100, 60, 1.0), baseline);
        assertTrue(v.passed(), v.toString());
        assertEquals(0, v.count(CheckResult.Verdict.FAIL));
    }

    @Test
    void fewerSamplesMeanAWiderInterval() {
        Path full = GateFixtures.load(tmp.resolve("full"), 5, 200, 60, 1.0);
        Path thin = GateFixtures.load(tmp.resolve("thin"), 6, 20, 60, 1.0);
        GateSpec p99 = GateSpec.parse(Map.of("relative", List.of(Map.of("request", "*", "metric", "p99", "worse-by-at-most", "10%"))), "s");
        assertTrue(width(Gate.judge(p99, thin, baseline)) > 2 * width(Gate.judge(p99, full, baseline)), "a tenth of the samples, a wider interval");
    }

    @Test
    void theCheckOnAllSlicesReadsTheSummarysOwnFigure() {
        LoadEvidence e = LoadEvidence.read(RunDirectory.open(baseline));
        Summary s = RunFiles.read(baseline.resolve(Summary.FILE), Summary.class);
        assertEquals(s.total().latencyUs().p99(), (long) e.value(Metric.P99, RequestHistograms.ALL));
        assertEquals(s.total().latencyUs().p50(), (long) e.value(Metric.P50, RequestHistograms.ALL));
        assertEquals(s.total().latencyUs().max(), (long) e.value(Metric.MAX, RequestHistograms.ALL));
        assertEquals(s.requests().get("read").serviceTimeUs().p99(), (long) e.value(Metric.SERVICE_P99, "read"));
        assertEquals(s.total().latencyUs().mean(), e.value(Metric.MEAN, RequestHistograms.ALL), 0.1);
        assertEquals(s.total().serviceTimeUs().mean(), e.value(Metric.SERVICE_MEAN, RequestHistograms.ALL), 0.1);
        assertEquals(20, e.slices(), "60 s in slices of 3 s");
    }

    private static double width(GateVerdict v) {
        String change = v.results().get(0).change();
        String[] bounds = change.substring(change.indexOf('[') + 1, change.indexOf(']')).split(", ");
        return Double.parseDouble(bounds[1].replace("%", "")) - Double.parseDouble(bounds[0].replace("%", ""));
    }
}
