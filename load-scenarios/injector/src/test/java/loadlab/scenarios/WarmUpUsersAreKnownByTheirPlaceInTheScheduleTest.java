package loadlab.scenarios;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import loadlab.injector.internal.gatling.Schedule;

/**
 * A run of 10 users a second with a 1 s warm-up: users 1 to 10 are the warm-up, whatever the clock
 * said when they arrived. The time zero estimated from a cold first arrival is late, so a warm-up
 * user's intended start computed from it falls after the start of counting once time zero is
 * frozen earlier: counting by time would count it, counting by place does not.
 */
class WarmUpUsersAreKnownByTheirPlaceInTheScheduleTest {
    private static final long MS = 1_000_000L;

    @Test
    void theFirstSecondsUsersAreTheWarmUpAndTheRestAreMeasured() {
        long[] countFrom = {0};
        Schedule schedule = new Schedule(List.of(constantUsersPerSec(10).during(Duration.ofSeconds(3))), 1_000 * MS,
                zero -> countFrom[0] = zero + 1_000 * MS);
        long t0 = 1_000_000 * MS;
        long intendedOfLastWarmUpUser = 0;
        for (long user = 1; user <= 30; user++) {
            long offset = (user - 1) * 100 * MS;
            long lateness = user == 1 ? 300 * MS : 0; // a cold injector starts its first user late
            long intended = schedule.intendedNanos(user, t0 + offset + lateness);
            if (user == 10) intendedOfLastWarmUpUser = intended;
            assertEquals(user <= 10, schedule.inWarmup(user), "user " + user);
        }
        assertEquals(t0 + 1_000 * MS, countFrom[0], "time zero frozen at the earliest estimate");
        assertTrue(intendedOfLastWarmUpUser - countFrom[0] >= 0,
                "user 10's intended start, from the late first estimate, is after the start of counting: time alone would count it");
        assertFalse(schedule.inWarmup(31), "a user not yet drawn from the schedule is not known");
    }
}
