package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * {@code Server-Timing} as the W3C grammar has it: entries in order with their duration and
 * description (quoted strings may hold commas and escapes, unknown parameters are skipped); anything
 * off the grammar refuses the whole header, which the recorder counts as malformed beside the
 * request's entries, each into its own histogram under {@code request/entry}.
 */
class AServerTimingHeaderIsReadIntoAHistogramPerEntryTest {
    @Test
    void theGrammar() {
        assertEquals(List.of(new ServerTimingHeader.Entry("store", 0.412, null), new ServerTimingHeader.Entry("cache", 0.031, null)),
                ServerTimingHeader.parse("store;dur=0.412, cache;dur=0.031"));
        List<ServerTimingHeader.Entry> described = ServerTimingHeader.parse("fanout;desc=16,db ; dur = 3 ; desc=\"a, \\\"b\\\"\";x=1");
        assertEquals("16", described.get(0).desc());
        assertTrue(Double.isNaN(described.get(0).durMs()), "an entry without a duration");
        assertEquals(3.0, described.get(1).durMs());
        assertEquals("a, \"b\"", described.get(1).desc());
        assertEquals(List.of(), ServerTimingHeader.parse("  "));
        for (String malformed : List.of("store;dur=abc", "store;dur=-1", ";dur=1", "store,", "store;dur=1 cache", "db;desc=\"open",
                "store;dur", "st/ore;dur=1")) {
            assertNull(ServerTimingHeader.parse(malformed), malformed);
        }
    }

    @Test
    void eachEntryIntoItsOwnHistogramAndMalformedHeadersCounted() {
        RunRecorder recorder = new RunRecorder(0);
        long now = System.nanoTime();
        recorder.recordServerTiming("home", now, "store;dur=2.5, cache;dur=0.5, store;dur=1.5");
        recorder.recordServerTiming("home", now, "store;dur=oops");
        recorder.recordServerTiming("home", now, null);
        recorder.recordServerTiming("post", now, "store;dur=4");
        ServerTimings timings = new ServerTimings();
        for (Histogram h : recorder.takeServerTimingIntervals()) {
            timings.add(new IntervalLogReader.Entry(h.getTag(), null, 0, 1000, h));
        }
        Summary.ServerTiming s = timings.summary();
        assertEquals(2, s.entries().get("home").get("store").count(), "each call its own value");
        assertEquals(2500, s.entries().get("home").get("store").max(), 2500 * 0.01);
        assertEquals(1, s.entries().get("home").get("cache").count());
        assertEquals(1, s.entries().get("post").get("store").count());
        assertEquals(1L, s.malformed().get("home"));
        assertNull(s.malformed().get("post"));
    }
}
