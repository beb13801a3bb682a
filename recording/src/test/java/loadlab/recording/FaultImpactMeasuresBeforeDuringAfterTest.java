package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Fault impact from synthetic per-second interval histograms with known answers: 100 requests a
 * second at 1 ms, a fault that slows them and fails some, and what comes after it.
 */
class FaultImpactMeasuresBeforeDuringAfterTest {
    private static final long ORIGIN = 1_790_000_000_000L;

    /** 60 seconds; second s has 100 requests at latency.applyAsLong(s) µs, of which errors.applyAsLong(s) failed. */
    private static FaultImpact.Seconds run(IntToLongFunction latency, IntToLongFunction errors) {
        return run(latency, errors, s -> 100, 0);
    }

    /** The same with count.applyAsLong(s) requests in second s, each interval cut {@code phaseMillis} off the timeline's seconds. */
    private static FaultImpact.Seconds run(IntToLongFunction latency, IntToLongFunction errors, IntToLongFunction count, long phaseMillis) {
        FaultImpact.Seconds seconds = new FaultImpact.Seconds(ORIGIN);
        for (int s = 0; s < 60; s++) {
            long failed = errors.applyAsLong(s);
            Histogram ok = Histograms.empty();
            ok.recordValueWithCount(latency.applyAsLong(s), count.applyAsLong(s) - failed);
            long from = ORIGIN + s * 1000L + phaseMillis;
            seconds.add(new IntervalLogReader.Entry("GET", null, from, from + 1000, ok));
            if (failed > 0) {
                Histogram bad = Histograms.empty();
                bad.recordValueWithCount(5_000, failed);
                seconds.add(new IntervalLogReader.Entry("GET", ErrorCause.HTTP_5XX, from, from + 1000, bad));
            }
        }
        return seconds;
    }

    /** What a histogram reports for a value: the highest value of its bucket. */
    private static long reported(long us) {
        Histogram h = Histograms.empty();
        h.recordValue(us);
        return h.getValueAtPercentile(99);
    }

    private static FaultLog log(double start, Double end) {
        return new FaultLog(FaultLog.SCHEMA, List.of(new FaultLog.Fault("f", "block", "cache", start, end == null ? 0 : end - start, start, end,
                null, null, false)));
    }

    @Test
    void aFaultThatHurtsAndIsRecoveredFrom() {
        // slow and failing from 20 s to 30 s; still slow (10 ms) for 3 s after; then as before
        FaultImpact.Seconds seconds = run(s -> s >= 20 && s < 30 ? 50_000 : s >= 30 && s < 33 ? 10_000 : 1_000, s -> s >= 20 && s < 30 ? 10 : 0);
        Summary.FaultEffect f = FaultImpact.of(log(20.0, 30.0), seconds, 60).get(0);
        assertEquals(new Summary.FaultWindow(10, 20, reported(1_000), 0, 100), f.before());
        assertEquals(new Summary.FaultWindow(20, 30, reported(50_000), 0.1, 100), f.during());
        assertEquals(30, f.after().fromS());
        assertEquals(40, f.after().toS());
        assertEquals(reported(10_000), f.after().p99Us(), "three slow seconds of ten are more than 1% of the window");
        assertEquals(3.0, f.recoveryS(), "back to 1 ms from 33 s on, for five seconds and more");
    }

    @Test
    void aFaultThatIsNeverRecoveredFrom() {
        FaultImpact.Seconds seconds = run(s -> s < 20 ? 1_000 : 5_000, s -> 0);
        Summary.FaultEffect f = FaultImpact.of(log(20.0, 30.0), seconds, 60).get(0);
        assertNull(f.recoveryS(), "5 ms is more than 1.2 x 1 ms until the end");
    }

    @Test
    void aFaultAtTheVeryEndHasNoAfter() {
        FaultImpact.Seconds seconds = run(s -> s < 55 ? 1_000 : 40_000, s -> 0);
        Summary.FaultEffect f = FaultImpact.of(log(55.0, null), seconds, 60).get(0);
        assertNull(f.endS(), "still active when the run ended");
        assertEquals(new Summary.FaultWindow(55, 60, reported(40_000), 0, 100), f.during());
        assertNull(f.after(), "nothing after it to measure");
        assertNull(f.recoveryS());
    }

    @Test
    void aBeforeWindowStopsAtThePreviousFault() {
        FaultImpact.Seconds seconds = run(s -> 1_000, s -> 0);
        FaultLog two = new FaultLog(FaultLog.SCHEMA, List.of(
                new FaultLog.Fault("a", "stall", "process", 5, 2, 5.0, 7.0, null, null, false),
                new FaultLog.Fault("b", "block", "store", 12, 5, 12.0, 17.0, null, null, false)));
        List<Summary.FaultEffect> effects = FaultImpact.of(two, seconds, 60);
        assertEquals(0, effects.get(0).before().fromS());
        assertEquals(7, effects.get(1).before().fromS(), "b's before-window starts where a ended");
        assertEquals(12, effects.get(0).after().toS(), "a's after-window ends where b starts");
        assertEquals(0.0, effects.get(1).recoveryS(), "nothing changed, so recovered at once");
    }

    @Test
    void aBacklogDrainingAfterTheFaultIsNotYetRecovered() {
        // the fault holds requests back from 20 s to 30 s; 30-32 s complete them at 250/s, at 1 ms: fast, but not back to normal
        FaultImpact.Seconds seconds = run(s -> s >= 20 && s < 30 ? 50_000 : 1_000, s -> 0,
                s -> s >= 20 && s < 30 ? 40 : s >= 30 && s < 33 ? 250 : 100, 0);
        Summary.FaultEffect f = FaultImpact.of(log(20.0, 30.0), seconds, 60).get(0);
        assertEquals(3.0, f.recoveryS(), "throughput back within 5% only from 33 s on");
    }

    @Test
    void oneNoisySecondDoesNotHideARecovery() {
        // after the fault, every second has 2 of its 100 requests at 3 ms: each second's own p99 is 3 ms, but five together hold 1%
        FaultImpact.Seconds seconds = new FaultImpact.Seconds(ORIGIN);
        for (int s = 0; s < 60; s++) {
            Histogram ok = Histograms.empty();
            if (s >= 20 && s < 30) ok.recordValueWithCount(50_000, 100);
            else if (s >= 30 && s % 5 == 0) {
                ok.recordValueWithCount(1_000, 98);
                ok.recordValueWithCount(3_000, 2);
            } else ok.recordValueWithCount(1_000, 100);
            seconds.add(new IntervalLogReader.Entry("GET", null, ORIGIN + s * 1000L, ORIGIN + s * 1000L + 1000, ok));
        }
        assertEquals(reported(3_000), seconds.window(30, 31).p99Us(), "that second alone looks slow");
        assertEquals(0.0, FaultImpact.of(log(20.0, 30.0), seconds, 60).get(0).recoveryS(), "five seconds together are as before");
    }

    @Test
    void intervalsCutOffTheTimelinesSecondsLandWhereMostOfThemLie() {
        // every interval starts 300 ms into its second (an injector whose ticks were not on the timeline)
        FaultImpact.Seconds late = run(s -> s >= 20 && s < 30 ? 50_000 : 1_000, s -> 0, s -> 100, 300);
        Summary.FaultEffect f = FaultImpact.of(log(20.0, 30.0), late, 60).get(0);
        assertEquals(reported(50_000), f.during().p99Us());
        assertEquals(reported(1_000), f.before().p99Us(), "the before-window holds no slow second");
        assertEquals(100.0, f.during().throughputPerS());
        // every interval starts 400 ms before its second: the first, mostly inside the run, is second 0
        FaultImpact.Seconds early = run(s -> 1_000, s -> 0, s -> 100, -400);
        assertEquals(100.0, FaultImpact.of(log(20.0, 30.0), early, 60).get(0).before().throughputPerS());
    }
}
