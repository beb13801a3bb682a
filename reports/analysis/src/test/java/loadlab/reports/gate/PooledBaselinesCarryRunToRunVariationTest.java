package loadlab.reports.gate;

import loadlab.recording.RunDirectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.reports.metric.Metric;
import loadlab.testkit.BenchFixture;
import loadlab.recording.RequestHistograms;

/**
 * Runs of one build differ by more than each run's own noise (a fresh JVM, where GC lands). A
 * baseline of several runs pooled lets the bootstrap draw runs before slices, so that difference
 * widens the interval: a run that one unlucky baseline calls a regression is not one against three.
 */
class PooledBaselinesCarryRunToRunVariationTest {
    @TempDir
    static Path tmp;
    static Path fast;
    static Path middle;
    static Path slow;
    static GateSpec p50;

    @BeforeAll
    static void runs() {
        fast = GateFixtures.load(tmp.resolve("fast"), 11, 200, 60, 0.88);
        middle = GateFixtures.load(tmp.resolve("middle"), 12, 200, 60, 1.0);
        slow = GateFixtures.load(tmp.resolve("slow"), 13, 200, 60, 1.1);
        p50 = GateSpec.parse(Map.of("relative", List.of(Map.of("request", "*", "metric", "p50", "worse-by-at-most", "10%"))), "spec");
    }

    @Test
    void aRunJudgedAgainstTheLuckiestBaselineAloneFailsButNotAgainstThePool() {
        Path run = GateFixtures.load(tmp.resolve("run"), 14, 200, 60, 1.0);
        assertEquals(CheckResult.Verdict.FAIL, Gate.judge(p50, run, fast).results().get(0).verdict(), "+14% against the fast run alone");
        CheckResult pooled = Gate.judge(p50, run, List.of(fast, middle, slow)).results().get(0);
        assertNotEquals(CheckResult.Verdict.FAIL, pooled.verdict(), pooled.toString());
    }

    @Test
    void aRealSlowdownStillFailsAgainstThePool() {
        Path slower = GateFixtures.load(tmp.resolve("slower"), 15, 200, 60, 1.35);
        assertEquals(CheckResult.Verdict.FAIL, Gate.judge(p50, slower, List.of(fast, middle, slow)).results().get(0).verdict());
    }

    @Test
    void aPoolOfOneIsTheRunItself() {
        LoadEvidence one = LoadEvidence.read(RunDirectory.open(middle));
        LoadEvidence pool = LoadEvidence.read(List.of(RunDirectory.open(middle)));
        assertEquals(one.value(Metric.P99, RequestHistograms.ALL), pool.value(Metric.P99, RequestHistograms.ALL));
        assertEquals(1, pool.runs());
        LoadEvidence three = LoadEvidence.read(List.of(RunDirectory.open(fast), RunDirectory.open(middle), RunDirectory.open(slow)));
        assertEquals(3, three.runs());
        assertEquals(3 * one.slices(), three.slices());
    }

    @Test
    void benchBaselinesPoolTheirForks() throws Exception {
        Path a = BenchFixture.writeTo(tmp.resolve("bench-a"), 1.0);
        Path b = BenchFixture.writeTo(tmp.resolve("bench-b"), 1.2);
        BenchEvidence pooled = BenchEvidence.read(List.of(a, b));
        var fanout = pooled.results().values().iterator().next();
        assertEquals(4, fanout.iterations().size(), "two forks from each run");
        assertEquals(0.378 * 1.1, fanout.score(), 1e-9, "the mean of both runs' iterations");
        assertTrue(fanout.error() == null, "a pooled score has no JMH error");
    }
}
