package loadlab.injector.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.FaultLog;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.faults.FaultAction;
import loadlab.scenarios.faults.AdminFaults;

/**
 * The plan's timing against a clock moved by hand: each fault starts and ends exactly at its
 * place on the measured timeline (counted from the timeline's zero, not from when the runner was
 * made), nothing runs early, a late start is recorded as late rather than as planned, and ending
 * the run early ends what is active at that instant and starts nothing more.
 */
class FaultsFollowTheMeasuredTimelineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long ZERO = 7 * SECOND + 123_456_789L; // the measured timeline's zero on the clock: not 0

    @TempDir
    Path dir;

    /** A clock that moves only when told; due tasks run in time order on the caller's thread, the clock at each one's time. */
    static final class HandClock implements FaultTimer {
        private record Task(long at, long order, Runnable run) {}

        private final PriorityQueue<Task> due = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        private long now;
        private long order;

        HandClock(long now) {
            this.now = now;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Runnable at(long atNanos, Runnable task) {
            Task t = new Task(atNanos, order++, task);
            due.add(t);
            return () -> due.remove(t);
        }

        @Override
        public void shutdown(long seconds) {
            due.clear();
        }

        void moveTo(long nanos) {
            while (!due.isEmpty() && due.peek().at() <= nanos) {
                Task t = due.poll();
                now = Math.max(now, t.at());
                t.run().run();
            }
            now = Math.max(now, nanos);
        }
    }

    /** Admin actions that only say what they are (echo), so the test needs no service. */
    private static final AdminFaults ECHO = new AdminFaults() {
        @Override
        public Set<String> blocks() {
            return Set.of("store", "cache");
        }

        @Override
        public FaultAction blockStart(String block, boolean down, Duration latency, double latencyProbability, double errorProbability) {
            return FaultAction.command("echo start " + block);
        }

        @Override
        public FaultAction blockStop(String block) {
            return FaultAction.command("echo stop " + block);
        }

        @Override
        public FaultAction stall(Duration length) {
            return FaultAction.command("echo stall " + length.toMillis());
        }

        @Override
        public FaultAction clearAll() {
            return FaultAction.command("echo clear");
        }
    };

    private static FaultSchedule schedule() {
        return FaultSchedule.parse(Map.of("faults", List.of(
                Map.of("name", "cache-down", "at", "2s", "for", "2s", "block", "cache", "down", true),
                Map.of("name", "pause", "at", "4s", "stall", "1500ms"),
                Map.of("name", "slow-store", "at", "4s", "for", "3s", "block", "store", "latency", "50ms"))), "test", ECHO, 30);
    }

    private static FaultLog.Fault fault(FaultRunner runner, String name) {
        return runner.log().faults().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachFaultStartsAndEndsExactlyAtItsPlace() {
        HandClock clock = new HandClock(ZERO - 3 * SECOND); // the runner exists before the warm-up ends
        try (FaultRunner runner = new FaultRunner(schedule(), ECHO.clearAll(), dir, clock)) {
            runner.start(ZERO);
            clock.moveTo(ZERO + 2 * SECOND - 1);
            assertTrue(runner.log().faults().stream().allMatch(f -> f.startedS() == null), "nothing before its time: " + runner.log());

            clock.moveTo(ZERO + 2 * SECOND);
            assertEquals(2.0, fault(runner, "cache-down").startedS());
            assertEquals("start cache", fault(runner, "cache-down").start().output());
            assertNull(fault(runner, "pause").startedS());

            clock.moveTo(ZERO + 4 * SECOND);
            assertEquals(4.0, fault(runner, "cache-down").endedS(), "ended with its window");
            assertEquals("stop cache", fault(runner, "cache-down").stop().output());
            assertEquals(4.0, fault(runner, "pause").startedS());
            assertEquals(4.0, fault(runner, "slow-store").startedS(), "two faults at one instant both start");

            clock.moveTo(ZERO + 5 * SECOND + SECOND / 2);
            assertEquals(5.5, fault(runner, "pause").endedS(), "a stall ends by itself after its length, with no stop action");
            assertNull(fault(runner, "pause").stop());
            assertFalse(runner.done().isDone(), "slow-store is still active");

            clock.moveTo(ZERO + 7 * SECOND);
            assertEquals(7.0, fault(runner, "slow-store").endedS());
            assertTrue(runner.done().isDone(), "every fault has ended");
            assertTrue(runner.log().faults().stream().noneMatch(FaultLog.Fault::cleared), "all on schedule");
        }
    }

    @Test
    void aLateStartIsRecordedAsLateNotAsPlanned() {
        HandClock clock = new HandClock(ZERO + 3 * SECOND); // the runner is told of zero three seconds after it
        try (FaultRunner runner = new FaultRunner(schedule(), null, dir, clock)) {
            runner.start(ZERO);
            clock.moveTo(ZERO + 3 * SECOND);
            FaultLog.Fault cache = fault(runner, "cache-down");
            assertEquals(2.0, cache.atS(), "the plan");
            assertEquals(3.0, cache.startedS(), "what happened");
        }
    }

    @Test
    void endingEarlyEndsWhatIsActiveAtThatInstantAndStartsNothingMore() throws Exception {
        HandClock clock = new HandClock(ZERO);
        FaultRunner runner = new FaultRunner(schedule(), ECHO.clearAll(), dir, clock);
        runner.start(ZERO);
        clock.moveTo(ZERO + 3 * SECOND);
        runner.close();
        FaultLog log = FaultLog.read(dir);
        FaultLog.Fault cache = log.faults().get(0);
        assertEquals(3.0, cache.endedS(), "ended when the run did");
        assertTrue(cache.cleared(), "ended early, not on schedule");
        assertEquals("stop cache", cache.stop().output());
        assertNull(log.faults().get(1).startedS(), "the stall never started");
        assertNull(log.faults().get(2).startedS(), "slow-store never started");
        clock.moveTo(ZERO + 10 * SECOND);
        assertNull(FaultLog.read(dir).faults().get(2).startedS(), "nothing starts after the run ended");
        assertTrue(Files.exists(dir.resolve(FaultLog.FILE)));
    }
}
