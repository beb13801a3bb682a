package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.reports.capacity.CapacityResult;

/** {@code metric: sustainable-rate} on capacity searches written in code: absolute, relative by the brackets, and refusals. */
class CapacityGateJudgesTheSustainableRateTest {
    @TempDir
    Path tmp;

    private Path search(String name, String outcome, Double low, Double high) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        new CapacityResult(CapacityResult.SCHEMA, "search", "http://127.0.0.1:1/", "http-get", List.of("p99 <= 50ms"), 0.05, low,
                new CapacityResult.Bracket(low, high), outcome, "test", List.of(), null, "not fitted", "2026-12-01T00:00:00Z",
                "2026-12-01T00:10:00Z", 600).write(dir);
        return dir;
    }

    private static GateSpec spec(String section, Map<String, Object> check) {
        return GateSpec.parse(Map.of(section, List.of(check)), "gate.yaml");
    }

    @Test
    void anAbsoluteFloorPassesAndFails() throws Exception {
        Path run = search("run", "bracketed", 4_800.0, 5_000.0);
        assertTrue(Gate.judge(spec("absolute", Map.of("metric", "sustainable-rate", "at-least", "4500/s")), run, (Path) null).passed());
        GateVerdict low = Gate.judge(spec("absolute", Map.of("metric", "sustainable-rate", "at-least", "5k/s")), run, (Path) null);
        assertFalse(low.passed());
        assertEquals("the sustainable rate is 4,800/s, limit at-least 5k/s", low.results().get(0).reason());
    }

    @Test
    void aRelativeCheckFailsOnlyBeyondBothBrackets() throws Exception {
        GateSpec tenPercent = spec("relative", Map.of("metric", "sustainable-rate", "worse-by-at-most", "10%"));
        Path base = search("base", "bracketed", 5_000.0, 5_250.0);
        Path same = search("same", "bracketed", 4_900.0, 5_150.0);
        Path slower = search("slower", "bracketed", 3_900.0, 4_100.0);   // 22% down, even 4,100 vs 5,000 is 18% down
        Path unsure = search("unsure", "bracketed", 4_400.0, 4_800.0);   // 12% down, but 4,800 vs 5,000 is only 4%
        assertEquals(CheckResult.Verdict.PASS, Gate.judge(tenPercent, same, base).results().get(0).verdict());
        assertEquals(CheckResult.Verdict.FAIL, Gate.judge(tenPercent, slower, base).results().get(0).verdict());
        GateVerdict inconclusive = Gate.judge(tenPercent, unsure, base);
        assertEquals(CheckResult.Verdict.INCONCLUSIVE, inconclusive.results().get(0).verdict());
        assertTrue(inconclusive.passed(), "inconclusive is reported, not failed");
    }

    @Test
    void aSearchThatDidNotFindTheCapacityNeverPasses() throws Exception {
        Path injectorBound = search("injector", "injector_limit", 2_000.0, null);
        GateVerdict v = Gate.judge(spec("absolute", Map.of("metric", "sustainable-rate", "at-least", "100/s")), injectorBound, (Path) null);
        assertFalse(v.passed(), "the injector was the limit: 2,000/s is not the target's capacity");
        assertEquals(CheckResult.Verdict.FAIL, v.states().get(0).verdict());
    }

    @Test
    void checksOfTheWrongKindAreRefusedInOneSentence() throws Exception {
        Path run = search("run", "bracketed", 4_800.0, 5_000.0);
        IllegalArgumentException onSearch = assertThrows(IllegalArgumentException.class,
                () -> Gate.judge(spec("absolute", Map.of("request", "*", "metric", "p99", "below", "50ms")), run, (Path) null));
        assertTrue(onSearch.getMessage().contains("is a capacity search; gate it on metric: sustainable-rate"), onSearch.getMessage());
        IllegalArgumentException withRequest = assertThrows(IllegalArgumentException.class,
                () -> spec("absolute", Map.of("request", "home", "metric", "sustainable-rate", "at-least", "5/s")));
        assertTrue(withRequest.getMessage().contains("not a request's or a benchmark's; drop request"), withRequest.getMessage());
    }
}
