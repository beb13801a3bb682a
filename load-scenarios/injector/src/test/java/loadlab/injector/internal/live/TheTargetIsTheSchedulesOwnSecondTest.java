package loadlab.injector.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The target beside the achieved rate is what the schedule asked for in the second an interval
 * ends in: the first second's before it has ended, and nothing once the schedule is over (live
 * output must not claim a target after the load).
 */
class TheTargetIsTheSchedulesOwnSecondTest {
    private final ScheduledRate schedule = new ScheduledRate(new long[] {10, 20, 30}, 1_000_000);

    @Test
    void eachSecondIsItsOwn() {
        assertEquals(10, schedule.at(1_000_400), "a first, partial interval");
        assertEquals(10, schedule.at(1_001_000));
        assertEquals(20, schedule.at(1_002_000));
        assertEquals(30, schedule.at(1_003_000));
        assertEquals(30, schedule.at(1_003_999));
    }

    @Test
    void nothingIsAskedAfterTheSchedule() {
        assertEquals(0, schedule.at(1_004_000));
        assertEquals(0, schedule.at(1_060_000));
        assertEquals(1_003_000, schedule.endMillis());
        assertEquals(30, schedule.at(Math.min(1_060_000, schedule.endMillis())), "the console's last line keeps the last second's");
    }
}
