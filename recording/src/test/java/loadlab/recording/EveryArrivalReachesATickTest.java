package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live outputs add up each tick's arrivals, so the ticks' arrivals must be the run's: an
 * arrival started before any request has ended (the first arrival fires on the tick the log is
 * aligned to) reaches a later tick rather than vanishing with a tick that had nothing to report,
 * and warm-up arrivals are left out, as their requests are.
 */
class EveryArrivalReachesATickTest {
    @TempDir
    Path dir;

    @Test
    void warmUpArrivalsAreLeftOutAsTheirRequestsAre() {
        RunRecorder recorder = new RunRecorder(2_000_000_000L);
        List<IntervalLog.Tick> ticks = new ArrayList<>();
        try (IntervalLog log = new IntervalLog(recorder, dir, RunFixture.START_MILLIS, ticks::add, why -> {
            throw new AssertionError(why);
        })) {
            for (int i = 0; i < 5; i++) recorder.recordLag(1_000_000_000L, 1_000_010_000L);
            RunFixture.record(recorder, "GET", 5, 5_000, 300, null);
            log.writeInterval();
            for (int i = 0; i < 2; i++) recorder.recordLag(2_000_000_000L, 2_000_010_000L);
            recorder.record("GET", 2_000_000_000L, 2_004_000_000L, 2_005_000_000L, null);
            recorder.record("GET", 2_000_000_000L, 2_004_000_000L, 2_005_000_000L, null);
            log.writeInterval();
        }
        assertEquals(2, ticks.stream().mapToLong(IntervalLog.Tick::arrivals).sum(), "the warm-up's five are not the run's: " + ticks);
        assertEquals(2, ticks.stream().mapToLong(IntervalLog.Tick::requests).sum());
    }

    @Test
    void anArrivalBeforeTheFirstResponseIsCountedInTheNextTick() {
        RunRecorder recorder = new RunRecorder(0);
        List<IntervalLog.Tick> ticks = new ArrayList<>();
        try (IntervalLog log = new IntervalLog(recorder, dir, RunFixture.START_MILLIS, ticks::add, why -> {
            throw new AssertionError(why);
        })) {
            recorder.recordLag(1_000_000_000L, 1_000_010_000L);
            log.writeInterval();
            assertEquals(0, ticks.size(), "no request has ended: nothing to tick yet");
            RunFixture.record(recorder, "GET", 1, 5_000, 300, null);
            for (int i = 0; i < 3; i++) recorder.recordLag(1_000_000_000L, 1_000_010_000L);
            RunFixture.record(recorder, "GET", 3, 5_000, 300, null);
            log.writeInterval();
        }
        assertEquals(4, ticks.stream().mapToLong(IntervalLog.Tick::arrivals).sum(), "every arrival in some tick: " + ticks);
        assertEquals(4, ticks.stream().mapToLong(IntervalLog.Tick::requests).sum());
    }
}
