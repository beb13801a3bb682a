package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two thin runs of one distribution: the best estimate of the change is small, but the interval is
 * so wide that a regression of twice the allowance cannot be ruled out. That is inconclusive (and
 * a failure with --strict), never a pass.
 */
class ATooNoisyComparisonIsInconclusiveNeverPassTest {
    @TempDir
    Path tmp;

    @Test
    void anIntervalReachingPastTwiceTheAllowanceIsInconclusive() {
        Path base = GateFixtures.load(tmp.resolve("base"), 11, 5, 10, 1.0);
        Path run = GateFixtures.load(tmp.resolve("run"), 12, 5, 10, 1.0);
        GateSpec spec = GateSpec.parse(Map.of("relative", List.of(Map.of("request", "*", "metric", "p99", "worse-by-at-most", "10%"))), "s");
        GateVerdict v = Gate.judge(spec, run, List.of(base));
        CheckResult p99 = v.results().get(0);
        assertEquals(CheckResult.Verdict.INCONCLUSIVE, p99.verdict(), p99.change() + ": " + p99.reason());
        assertTrue(v.passed(), "inconclusive does not fail by default");
        assertFalse(Gate.judge(spec, run, List.of(base), new Gate.Options(true, false)).passed(), "--strict fails it");
    }
}
