package loadlab.reports.html;

import loadlab.recording.RecordedProfile;
import loadlab.recording.Segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetCurveFollowsTheProfileTest {
    private static RecordedProfile.Phase phase(double from, double to, long seconds) {
        return new RecordedProfile.Phase(from, to, seconds);
    }

    @Test
    void stairsAndRampsDrawTheirCorners() {
        TargetCurve c = TargetCurve.of(new RecordedProfile.Open(List.of(phase(100, 100, 10), phase(100, 500, 20), phase(500, 500, 5)), 0, 35, 0, null, 1));
        assertEquals(List.of(0.0, 10.0, 10.0, 30.0, 30.0, 35.0), c.seconds());
        assertEquals(List.of(100.0, 100.0, 100.0, 500.0, 500.0, 500.0), c.values());
        assertEquals("target arrivals/s", c.label());
    }

    @Test
    void oneInjectorsShareIsDrawnAtItsPart() {
        TargetCurve c = TargetCurve.of(new RecordedProfile.Open(List.of(phase(400, 400, 10)), 0, 10, 0, Segment.parse("2/4"), 1));
        assertEquals(List.of(100.0, 100.0), c.values());
    }

    @Test
    void aClosedModelDrawsItsUsers() {
        TargetCurve c = TargetCurve.of(new RecordedProfile.Closed(16, 0, 30, null, 1));
        assertEquals(List.of(16.0, 16.0), c.values());
        assertEquals(List.of(0.0, 30.0), c.seconds());
        assertEquals("users (closed model)", c.label());
    }

    @Test
    void aProfileThatDescribesNoCurveDrawsNothing() {
        assertNull(TargetCurve.of(null));
        assertNull(TargetCurve.of(new RecordedProfile.Bench("QUICK", 1, 1, 2, 1, ".*")));
    }
}
