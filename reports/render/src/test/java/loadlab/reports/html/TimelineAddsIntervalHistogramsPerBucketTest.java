package loadlab.reports.html;

import loadlab.recording.RequestHistograms;

import loadlab.recording.RunDirectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.Histograms;
import loadlab.recording.IntervalLog;
import loadlab.recording.IntervalLogReader;
import loadlab.testkit.FixtureRun;

class TimelineAddsIntervalHistogramsPerBucketTest {
    @TempDir
    Path tmp;

    @Test
    void aLongRunGetsWiderBucketsWhosePercentilesComeFromAddedHistograms() {
        int seconds = 2_500;
        Path dir = FixtureRun.of("get", 5).seconds(seconds).latency((s, n, i) -> 100L + s % 97 * 10 + i).writeTo(tmp.resolve("long"));
        LatencyTimeline tl = LatencyTimeline.read(RunDirectory.open(dir), seconds, new RequestHistograms(), new RequestHistograms());

        assertEquals(3, tl.bucketSeconds(), "2,500 s in at most " + LatencyTimeline.MAX_BUCKETS + " buckets");
        assertEquals(834, tl.startSeconds().size());
        LatencyTimeline.Series all = tl.requests().get(RequestHistograms.ALL);
        assertEquals(5L * seconds, all.count().stream().mapToLong(Long::longValue).sum());

        Histogram bucket10 = Histograms.empty();
        for (int s = 30; s < 33; s++) for (int i = 0; i < 5; i++) bucket10.recordValue(100L + s % 97 * 10 + i);
        assertEquals(bucket10.getValueAtPercentile(99), all.p99Us().get(10));
        assertEquals(bucket10.getValueAtPercentile(50), all.p50Us().get(10));
        assertEquals(bucket10.getMaxValue(), all.maxUs().get(10));
        assertEquals(5.0, all.ratePerS().get(10), 1e-9);
    }

    @Test
    void secondsInWhichNothingCompletedAreGapsWithARateOfZero() {
        Path dir = FixtureRun.of("get", 10).seconds(10).silent(4, 5).writeTo(tmp.resolve("stall"));
        LatencyTimeline tl = LatencyTimeline.read(RunDirectory.open(dir), 10, new RequestHistograms(), new RequestHistograms());
        LatencyTimeline.Series all = tl.requests().get(RequestHistograms.ALL);
        assertEquals(10, tl.startSeconds().size());
        assertEquals(0.0, all.ratePerS().get(4));
        assertNull(all.p99Us().get(4));
        assertNull(all.p99Us().get(5));
        assertEquals(10.0, all.ratePerS().get(6), 1e-9);
    }

    @Test
    void aShortFirstIntervalSharingABucketDoesNotInflateTheRate() throws Exception {
        Path dir = FixtureRun.of("get", 100).seconds(5).writeTo(tmp.resolve("phase"));
        Path log = dir.resolve(RunDirectory.LATENCY);
        List<String> lines = Files.readAllLines(log);
        List<String> shifted = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("Tag=get,")) {
                shifted.add(line);
                continue;
            }
            String[] f = line.split(",");
            double start = Double.parseDouble(f[1]);
            if (start == 0) {
                shifted.add(String.join(",", f[0], "0.000", "0.300", String.join(",", Arrays.copyOfRange(f, 3, f.length))));
            } else {
                shifted.add(String.join(",", f[0], String.format(Locale.ROOT, "%.3f", start - 0.7), f[2],
                        String.join(",", Arrays.copyOfRange(f, 3, f.length))));
            }
        }
        Files.write(log, shifted);
        LatencyTimeline tl = LatencyTimeline.read(RunDirectory.open(dir), 5, new RequestHistograms(), new RequestHistograms());
        LatencyTimeline.Series all = tl.requests().get(RequestHistograms.ALL);
        assertEquals(200, all.count().get(0), "a 0.3 s interval and the 1 s interval starting at 0.3 s");
        assertEquals(200 / 1.3, all.ratePerS().get(0), 0.1, "over the 1.3 s they cover, not the 1 s bucket");
    }

    @Test
    void totalsFromTheSamePassEqualTheWholeLogAddedUp() {
        Path dir = FixtureRun.of("a", 7).and("b", 3).seconds(12).errorEvery(3).writeTo(tmp.resolve("totals"));
        RequestHistograms latency = new RequestHistograms();
        LatencyTimeline.read(RunDirectory.open(dir), 12, latency, new RequestHistograms());
        RequestHistograms expected = new RequestHistograms();
        IntervalLogReader.forEach(dir.resolve(RunDirectory.LATENCY), expected::add);
        assertEquals(expected.names(), latency.names());
        for (String name : expected.names()) {
            assertEquals(expected.ok(name), latency.ok(name), name);
            assertEquals(expected.failed(name), latency.failed(name), name);
        }
    }

    @Test
    void intervalsFarOutOfTimeOrderAreReportedAsADamagedLog() throws Exception {
        Path dir = FixtureRun.of("get", 2).seconds(8).writeTo(tmp.resolve("order"));
        Path log = dir.resolve(RunDirectory.LATENCY);
        List<String> lines = Files.readAllLines(log);
        int first = 0;
        while (lines.get(first).startsWith("#") || lines.get(first).startsWith("\"")) first++;
        String early = lines.remove(first);
        lines.add(early);
        Files.write(log, lines);
        IntervalLogReader.CorruptLogException e = assertThrows(IntervalLogReader.CorruptLogException.class,
                () -> LatencyTimeline.read(RunDirectory.open(dir), 8, new RequestHistograms(), new RequestHistograms()));
        assertTrue(e.getMessage().contains("out of time order"), e.getMessage());
    }
}
