package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The schedule in nanoseconds: exact counts per second, lanes that partition it, Poisson by seed. */
class ArrivalClockTest {
    private static List<Long> all(ArrivalClock clock) {
        List<Long> out = new ArrayList<>();
        for (long t; (t = clock.next()) >= 0; ) out.add(t);
        return out;
    }

    @Test
    void evenlySpacedArrivalsFallOnTheirNanosecond() {
        List<Long> times = all(new ArrivalClock(new long[] {4, 2}, 0, null, 0, 1));
        assertEquals(List.of(0L, 250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L, 1_500_000_000L), times);
    }

    @Test
    void aPhaseShiftsEveryArrivalWithinItsGap() {
        assertEquals(List.of(125_000_000L, 375_000_000L, 625_000_000L, 875_000_000L), all(new ArrivalClock(new long[] {4}, 0.5, null, 0, 1)));
    }

    @Test
    void lanesPartitionTheScheduleWithNothingLostOrDoubled() {
        long[] perSecond = {7, 0, 13, 1};
        TreeSet<Long> union = new TreeSet<>();
        int total = 0;
        for (int lane = 0; lane < 3; lane++) {
            List<Long> mine = all(new ArrivalClock(perSecond, 0, 99L, lane, 3));
            total += mine.size();
            union.addAll(mine);
        }
        assertEquals(21, total);
        assertEquals(all(new ArrivalClock(perSecond, 0, 99L, 0, 1)), new ArrayList<>(union));
    }

    @Test
    void poissonArrivalsKeepEachSecondsCountAndRepeatWithTheirSeed() {
        long[] perSecond = {1000, 1000};
        List<Long> a = all(new ArrivalClock(perSecond, 0, 7L, 0, 1));
        assertEquals(a, all(new ArrivalClock(perSecond, 0, 7L, 0, 1)));
        assertNotEquals(a, all(new ArrivalClock(perSecond, 0, 8L, 0, 1)));
        assertEquals(1000, a.stream().filter(t -> t < 1_000_000_000L).count());
        assertEquals(2000, a.size());
        for (int i = 1; i < a.size(); i++) assertTrue(a.get(i) >= a.get(i - 1), "in order");
        // exponential gaps: about 1 - 1/e of them are shorter than the mean gap of 1 ms
        long shorter = 0;
        for (int i = 1; i < 1000; i++) if (a.get(i) - a.get(i - 1) < 1_000_000) shorter++;
        assertTrue(shorter > 560 && shorter < 700, "share of gaps under the mean: " + shorter);
    }
}
