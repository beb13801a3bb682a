package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.testkit.FixtureRun;

/** An INVALID, interrupted or empty run (or baseline) fails the gate, naming why; "p99 0 µs pass" never happens. */
class GateNeverPassesARunThatCannotSupportAVerdictTest {
    @TempDir
    Path tmp;

    private GateSpec spec() throws Exception {
        Path file = tmp.resolve("gate.yaml");
        Files.writeString(file, "absolute:\n  - { request: \"*\", metric: p99, below: 10s }\n");
        return GateSpec.read(file);
    }

    private static CheckResult state(GateVerdict v) {
        return v.states().get(0);
    }

    @Test
    void anInvalidRunFailsEvenWhenEveryBoundHolds() throws Exception {
        Path run = FixtureRun.of("get", 50).seconds(5).target(100.0).writeTo(tmp.resolve("invalid"));
        GateVerdict v = Gate.judge(spec(), run, List.of());
        assertFalse(v.passed());
        assertEquals(CheckResult.Verdict.FAIL, state(v).verdict());
        assertTrue(state(v).reason().contains("achieved"), state(v).reason());
        assertTrue(Gate.judge(spec(), run, List.of(), new Gate.Options(false, true)).passed(), "--allow-incomplete judges it anyway");
    }

    @Test
    void anInterruptedRunFails() throws Exception {
        Path run = FixtureRun.of("get", 100).seconds(5).interrupted().writeTo(tmp.resolve("interrupted"));
        GateVerdict v = Gate.judge(spec(), run, List.of());
        assertFalse(v.passed());
        assertTrue(state(v).check().contains("interrupted"), state(v).check());
    }

    @Test
    void anEmptyRunFailsEvenWhenAllowed() throws Exception {
        Path run = FixtureRun.of("get", 0).seconds(5).writeTo(tmp.resolve("empty"));
        GateVerdict v = Gate.judge(spec(), run, List.of(), new Gate.Options(false, true));
        assertFalse(v.passed());
        assertEquals(0, v.results().size(), "nothing but the state is judged: no 'p99 0 µs pass'");
    }

    @Test
    void anInvalidBaselineFailsARelativeGate() throws Exception {
        Path file = tmp.resolve("rel.yaml");
        Files.writeString(file, "relative:\n  - { request: \"*\", metric: p99, worse-by-at-most: 10% }\n");
        Path run = FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("run"));
        Path base = FixtureRun.of("get", 50).seconds(10).target(100.0).writeTo(tmp.resolve("base"));
        GateVerdict v = Gate.judge(GateSpec.read(file), run, List.of(base));
        assertFalse(v.passed());
        assertTrue(v.states().stream().anyMatch(r -> r.check().contains("the baseline")
                && r.verdict() == CheckResult.Verdict.FAIL));
    }
}
