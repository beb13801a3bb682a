package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogsReadBackWithHdrHistogramsOwnReaderTest {
    @TempDir
    Path dir;

    @Test
    void everyIntervalAndTagReadsBackExactly() throws Exception {
        RunRecorder recorder = new RunRecorder(0);
        List<IntervalLog.Tick> ticks = new ArrayList<>();
        try (IntervalLog log = new IntervalLog(recorder, dir, System.currentTimeMillis(), ticks::add, why -> { })) {
            RunFixture.record(recorder, "timeline", 100, 2_000, 1_500, null);
            RunFixture.record(recorder, "post", 10, 5_000, 4_000, ErrorCause.HTTP_5XX);
            recorder.recordLag(1_000_000_000L, 1_000_250_000L);
            log.writeInterval();
            RunFixture.record(recorder, "timeline", 50, 3_000, 2_000, null);
        }
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(RunDirectory.LATENCY).toFile());
        List<String> tags = new ArrayList<>();
        long timelineCount = 0;
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null) {
            Histogram h = (Histogram) next;
            tags.add(h.getTag());
            if ("timeline".equals(h.getTag())) timelineCount += h.getTotalCount();
        }
        assertEquals(List.of("post#http_5xx", "timeline", "timeline"), tags, "a failure is logged under its cause only");
        assertEquals(150, timelineCount);
        Histogram lag = Histograms.empty();
        IntervalLogReader.forEach(dir.resolve(RunDirectory.LAG), e -> lag.add(e.histogram()));
        assertEquals(250, lag.getMaxValue(), 1);
        assertEquals(10, ticks.get(0).errors());
        assertEquals(110, ticks.get(0).requests());
        assertEquals(100, ticks.get(0).latency().getTotalCount(), "the live p99 is of successes");
    }

    @Test
    void requestNamesBecomeTagsTheReaderCanSplit() {
        String tag = RequestName.tag("GET /users/{id}/timeline, page #2");
        assertFalse(tag.contains(" ") || tag.contains(",") || tag.contains("#"), tag);
        assertEquals("GET_/users/{id}/timeline__page__2", tag);
        assertTrue(RequestName.isErrorTag(RequestName.errorTag(tag, ErrorCause.TIMEOUT)));
        assertEquals(ErrorCause.TIMEOUT, RequestName.causeOf(RequestName.errorTag(tag, ErrorCause.TIMEOUT)));
    }

    @Test
    void halfAnIntervalWrittenWhenTheWriterWasKilledIsLeftOutAndTheRestKept() throws Exception {
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            RunFixture.record(recorder, "timeline", 100, 2_000, 1_500, null);
            log.writeInterval();
            RunFixture.record(recorder, "timeline", 30, 2_000, 1_500, null);
        }
        Path file = dir.resolve(RunDirectory.LATENCY);
        String whole = Files.readString(file);
        String cut = whole.substring(0, whole.length() - 12);
        Files.writeString(file, cut);
        long[] n = {0};
        IntervalLogReader.Outcome outcome = IntervalLogReader.forEach(file, e -> n[0] += e.histogram().getTotalCount());
        assertEquals(100, n[0], "the complete first interval");
        assertTrue(outcome.cutTail(), "the reader says the tail was cut, so a finished run's log is not trusted");

        Files.writeString(file, whole);
        n[0] = 0;
        assertFalse(IntervalLogReader.forEach(file, e -> n[0] += e.histogram().getTotalCount()).cutTail());
        assertEquals(130, n[0], "a whole log reads whole");
    }

    @Test
    void aCorruptLogIsReportedByNameNotAsAStackTrace() throws Exception {
        Path bad = dir.resolve("bad.hlog");
        Files.writeString(bad, "#[StartTime: 1.0 (seconds since epoch)]\n\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n0.000,1.000,2.0,HISTFAAAAGB4nPPP\n");
        IntervalLogReader.CorruptLogException e = Assertions.assertThrows(
                IntervalLogReader.CorruptLogException.class, () -> IntervalLogReader.forEach(bad, entry -> { }));
        assertTrue(e.getMessage().contains("bad.hlog is not a readable HdrHistogram interval log"), e.getMessage());
        assertTrue(Assertions.assertThrows(IntervalLogReader.CorruptLogException.class,
                () -> IntervalLogReader.forEach(dir.resolve("absent.hlog"), entry -> { })).getMessage().contains("missing"));
    }
}
