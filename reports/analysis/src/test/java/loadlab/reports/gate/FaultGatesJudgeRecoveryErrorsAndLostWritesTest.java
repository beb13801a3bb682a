package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.Verification;
import loadlab.testkit.FixtureRun;

/**
 * Gates on faults and data: recovery time and error rate per fault (a name, a glob or each), lost
 * writes from the verification. What was not measured (a fault that never recovered, a run that
 * was not verified) fails; a check that names what the run does not have is one sentence.
 */
class FaultGatesJudgeRecoveryErrorsAndLostWritesTest {
    @TempDir
    Path tmp;

    private static GateSpec absolute(Map<?, ?>... checks) {
        return GateSpec.parse(Map.of("absolute", List.of(checks)), "spec");
    }

    /** 30 s at 100/s with 4% errors throughout; p99 40 ms while the cache was down (12-15 s), then back; a fault at 26-29 s too late to recover from. */
    private Path faulted(Verification verified) {
        FixtureRun run = FixtureRun.of("read", 100).seconds(30).errorEvery(25)
                .latency((s, n, i) -> 1_000 + (s >= 12 && s < 15 ? 40_000 : 0) + (i * 37L) % 500)
                .fault("cache-down", 12, 3).fault("store-errors", 26, 3);
        if (verified != null) run.verified(verified);
        return run.writeTo(tmp.resolve(verified == null ? "unverified" : "verified-" + verified.lost()));
    }

    private static Verification lost(long n) {
        return Verification.answered("http://127.0.0.1:8080/admin/verify?posts=all", 0.3, 500, n, n, 0L, n == 0, 20.0);
    }

    @Test
    void eachFaultIsJudgedAloneAndOneThatNeverRecoveredFails() {
        GateVerdict v = Gate.judge(absolute(Map.of("metric", "recovery-time", "fault", "*", "at-most", "10s")), faulted(lost(0)), List.of());
        assertEquals(List.of("recovery after cache-down at-most 10s", "recovery after store-errors at-most 10s"),
                v.results().stream().map(CheckResult::check).toList());
        assertEquals(CheckResult.Verdict.PASS, v.results().get(0).verdict(), v.results().get(0).reason());
        assertEquals(CheckResult.Verdict.FAIL, v.results().get(1).verdict());
        assertTrue(v.results().get(1).reason().contains("did not recover by the end of the run"), v.results().get(1).reason());
        assertFalse(v.passed());
    }

    @Test
    void theErrorRateDuringAFaultIsThatWindowsOwn() {
        Path run = faulted(lost(0));
        GateVerdict loose = Gate.judge(absolute(Map.of("metric", "error-rate-during-faults", "fault", "cache-*", "below", "5%")), run, List.of());
        assertEquals(1, loose.results().size(), "the glob matches one fault");
        assertEquals(CheckResult.Verdict.PASS, loose.results().get(0).verdict(), loose.results().get(0).reason());
        assertEquals("4%", loose.results().get(0).run());
        GateVerdict tight = Gate.judge(absolute(Map.of("metric", "error-rate-during-faults", "below", "1%")), run, List.of());
        assertEquals(2, tight.results().size(), "without fault: each fault");
        assertTrue(tight.results().stream().allMatch(r -> r.verdict() == CheckResult.Verdict.FAIL));
    }

    @Test
    void lostWritesComeFromTheVerificationAndAnUnverifiedRunFails() {
        GateSpec spec = absolute(Map.of("metric", "lost-writes", "at-most", "0"));
        assertTrue(Gate.judge(spec, faulted(lost(0)), List.of()).passed());
        GateVerdict lost = Gate.judge(spec, faulted(lost(3)), List.of());
        assertEquals(CheckResult.Verdict.FAIL, lost.results().get(0).verdict());
        assertEquals("3 of 500", lost.results().get(0).run());
        GateVerdict unverified = Gate.judge(spec, faulted(null), List.of());
        assertEquals(CheckResult.Verdict.FAIL, unverified.results().get(0).verdict());
        assertTrue(unverified.results().get(0).reason().contains("has no verification"), unverified.results().get(0).reason());
    }

    @Test
    void checksThatDoNotFitTheRunOrTheMetricAreOneSentence() {
        Path run = faulted(lost(0));
        String unknown = assertThrows(IllegalArgumentException.class, () -> Gate.judge(absolute(
                Map.of("metric", "recovery-time", "fault", "dns-down", "at-most", "10s")), run, List.of())).getMessage();
        assertTrue(unknown.contains("names fault 'dns-down'") && unknown.contains("it has cache-down, store-errors"), unknown);
        Path plain = FixtureRun.of("read", 100).seconds(10).writeTo(tmp.resolve("plain"));
        String none = assertThrows(IllegalArgumentException.class, () -> Gate.judge(absolute(
                Map.of("metric", "recovery-time", "at-most", "10s")), plain, List.of())).getMessage();
        assertTrue(none.contains("scheduled none; run it with --faults FAULTS.yaml"), none);
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(
                Map.of("metric", "p99", "fault", "cache-down", "below", "1s"),
                Map.of("metric", "lost-writes", "fault", "cache-down", "at-most", "0"),
                Map.of("metric", "lost-writes", "at-most", "0.5"),
                Map.of("metric", "recovery-time", "request", "*", "at-most", "10s"),
                Map.of("metric", "recovery-time", "at-most", "10%"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> absolute(wrong), wrong.toString());
            assertTrue(e.getMessage().startsWith("spec absolute"), e.getMessage());
        }
        String relative = assertThrows(IllegalArgumentException.class, () -> GateSpec.parse(Map.of("relative",
                List.of(Map.of("metric", "recovery-time", "worse-by-at-most", "10%"))), "spec")).getMessage();
        assertTrue(relative.contains("move it under absolute"), relative);
    }
}
