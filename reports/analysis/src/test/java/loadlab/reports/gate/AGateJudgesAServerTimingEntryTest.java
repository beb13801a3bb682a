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

import loadlab.testkit.FixtureRun;

/**
 * {@code metric: server-timing-p99, entry: store}: an entry's percentile per matching request
 * against a limit; an entry the run does not have, or a run without Server-Timing at all, fails
 * (not measured is never a pass); the spec says in one sentence what such a check needs.
 */
class AGateJudgesAServerTimingEntryTest {
    @TempDir
    Path tmp;

    private static GateSpec absolute(Map<?, ?>... checks) {
        return GateSpec.parse(Map.of("absolute", List.of(checks)), "spec");
    }

    @Test
    void anEntrysPercentileAgainstALimit() {
        Path run = FixtureRun.of("home", 100).and("post", 50).seconds(10).serverTiming("home", "store", 800, 20_000)
                .serverTiming("post", "store", 2_000, 2_000).writeTo(tmp.resolve("timed"));
        GateVerdict tail = Gate.judge(absolute(Map.of("request", "home", "metric", "server-timing-max", "entry", "store", "at-most", "5ms")),
                run, List.of());
        assertEquals(CheckResult.Verdict.FAIL, tail.results().get(0).verdict(), tail.results().get(0).reason());
        assertTrue(tail.results().get(0).reason().contains("of 1,000 store calls in home"), tail.results().get(0).reason());
        GateVerdict each = Gate.judge(absolute(Map.of("metric", "server-timing-p95", "entry", "store", "at-most", "1ms")), run, List.of());
        assertEquals(List.of("server-timing-p95 of store in home at-most 1ms", "server-timing-p95 of store in post at-most 1ms"),
                each.results().stream().map(CheckResult::check).toList(), "every request with the entry, for \"*\"");
        assertEquals(CheckResult.Verdict.PASS, each.results().get(0).verdict());
        assertEquals(CheckResult.Verdict.FAIL, each.results().get(1).verdict());
        assertFalse(each.passed());
        GateVerdict absent = Gate.judge(absolute(Map.of("metric", "server-timing-p99", "entry", "cache", "at-most", "1ms")), run, List.of());
        assertEquals(CheckResult.Verdict.FAIL, absent.results().get(0).verdict());
        assertTrue(absent.results().get(0).reason().contains("has no Server-Timing entry 'cache'"), absent.results().get(0).reason());
    }

    @Test
    void aRunWithoutServerTimingFailsAndTheSpecSaysWhatItNeeds() {
        Path plain = FixtureRun.of("home", 100).seconds(5).writeTo(tmp.resolve("plain"));
        GateVerdict v = Gate.judge(absolute(Map.of("metric", "server-timing-p99", "entry", "store", "at-most", "1s")), plain, List.of());
        assertEquals(CheckResult.Verdict.FAIL, v.results().get(0).verdict());
        assertTrue(v.results().get(0).reason().contains("the target sent no Server-Timing headers"), v.results().get(0).reason());
        String noEntry = assertThrows(IllegalArgumentException.class,
                () -> absolute(Map.of("metric", "server-timing-p99", "at-most", "1ms"))).getMessage();
        assertTrue(noEntry.contains("needs entry"), noEntry);
        String misplaced = assertThrows(IllegalArgumentException.class,
                () -> absolute(Map.of("metric", "p99", "entry", "store", "at-most", "1ms"))).getMessage();
        assertTrue(misplaced.contains("entry goes with the server-timing metrics"), misplaced);
        String relative = assertThrows(IllegalArgumentException.class, () -> GateSpec.parse(Map.of("relative",
                List.of(Map.of("metric", "server-timing-p99", "entry", "store", "worse-by-at-most", "10%"))), "spec")).getMessage();
        assertTrue(relative.contains("judged against a limit, not a baseline"), relative);
    }
}
