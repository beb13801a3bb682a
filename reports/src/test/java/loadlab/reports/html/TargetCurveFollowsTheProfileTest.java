package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetCurveFollowsTheProfileTest {
    private static Map<String, Object> phase(double from, double to, int seconds) {
        return Map.of("from_per_s", from, "to_per_s", to, "seconds", seconds);
    }

    @Test
    void stairsAndRampsDrawTheirCorners() {
        TargetCurve c = TargetCurve.of(Map.of("model", "open", "phases", List.of(phase(100, 100, 10), phase(100, 500, 20), phase(500, 500, 5))));
        assertEquals(List.of(0.0, 10.0, 10.0, 30.0, 30.0, 35.0), c.seconds());
        assertEquals(List.of(100.0, 100.0, 100.0, 500.0, 500.0, 500.0), c.values());
        assertEquals("target requests/s", c.label());
    }

    @Test
    void oneInjectorsShareIsDrawnAtItsPart() {
        TargetCurve c = TargetCurve.of(Map.of("model", "open", "segment", "2/4", "phases", List.of(phase(400, 400, 10))));
        assertEquals(List.of(100.0, 100.0), c.values());
    }

    @Test
    void aClosedModelDrawsItsUsers() {
        TargetCurve c = TargetCurve.of(Map.of("model", "closed", "concurrency", 16, "measured_s", 30));
        assertEquals(List.of(16.0, 16.0), c.values());
        assertEquals(List.of(0.0, 30.0), c.seconds());
        assertEquals("users (closed model)", c.label());
    }

    @Test
    void aProfileThatDescribesNoCurveDrawsNothing() {
        assertNull(TargetCurve.of(null));
        assertNull(TargetCurve.of(Map.of("setting", "QUICK")));
        assertNull(TargetCurve.of(Map.of("phases", List.of(Map.of("rate", "fast")))));
    }
}
