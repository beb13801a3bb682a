package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N injectors each record their share of one stream of requests; merging their run directories
 * must give exactly the histogram one injector would have recorded for all of them.
 */
class MergingSegmentRunsEqualsOneHistogramOfAllRequestsTest {
    @TempDir
    Path tmp;

    @Test
    void mergedHistogramsEqualTheHistogramOfAllRequests() throws Exception {
        int injectors = 3;
        List<RunRecorder> shares = new ArrayList<>();
        List<IntervalLog> logs = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (int k = 0; k < injectors; k++) {
            Path d = Files.createDirectory(tmp.resolve("segment-" + (k + 1)));
            RunFiles.write(d.resolve(RunManifest.FILE), RunFixture.manifest(10, 100.0 / injectors, new Segment(k + 1, injectors),
                    RunFixture.START_MILLIS));
            RunRecorder r = new RunRecorder(0);
            shares.add(r);
            logs.add(RunFixture.log(r, d));
            dirs.add(d);
        }
        Histogram all = Histograms.empty();
        Histogram allService = Histograms.empty();
        Histogram ok = Histograms.empty();
        Histogram readStore = Histograms.empty();
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 30_000; i++) {
            long latencyUs = 100 + (long) (Math.exp(random.nextDouble() * 10));
            long serviceUs = Math.max(1, latencyUs - random.nextInt(50));
            String tag = i % 4 == 0 ? "post" : "read";
            ErrorCause cause = i % 97 == 0 ? ErrorCause.HTTP_5XX : null;
            long end = 5_000_000_000L + latencyUs * 1_000;
            shares.get(i % injectors).record(tag, end - latencyUs * 1_000, end - serviceUs * 1_000, end, cause);
            if (i % injectors != 2) { // the third injector's target sent no Server-Timing
                shares.get(i % injectors).recordServerTiming(tag, end - latencyUs * 1_000, i % 11 == 0 ? "store;dur=\"unterminated" : "store;dur=" + (latencyUs / 1000.0));
                if (i % 11 != 0 && tag.equals("read")) readStore.recordValue(latencyUs);
            }
            all.recordValue(latencyUs);
            allService.recordValue(serviceUs);
            if (cause == null) ok.recordValue(latencyUs);
            if (i % 5_000 == 0) logs.forEach(IntervalLog::writeInterval); // several intervals per injector
        }
        logs.forEach(IntervalLog::close);

        Path merged = Files.createDirectory(tmp.resolve("merged"));
        Summary s = RunMerge.merge(dirs, merged).summary();
        Histogram mergedTotal = Histograms.empty();
        Histogram mergedService = Histograms.empty();
        RunDirectory.open(merged).latency(e -> mergedTotal.add(e.histogram()));
        RunDirectory.open(merged).service(e -> mergedService.add(e.histogram()));
        assertEquals(all, mergedTotal, "the merged histogram is the histogram of all requests, bucket for bucket");
        assertEquals(30_000, s.total().count());
        assertEquals(ok.getValueAtPercentile(99.9), s.total().latencyUs().p999(), "headline percentiles are of successes");
        assertEquals(allService, mergedService);
        assertEquals(310, s.total().errors().total());
        assertEquals(100.0, s.injector().targetRate(), 1e-9);
        assertEquals(3, ((RecordedProfile.Open) s.run().profile()).injectors());
        ServerTimings timings = RunDirectory.open(merged).serverTimings();
        assertEquals(readStore, timings.entry("read", "store"), "Server-Timing entries add up over the segments that had them");
        long malformed = 0;
        for (int i = 0; i < 30_000; i += 11) if (i % injectors != 2) malformed++;
        assertEquals(malformed, s.serverTiming().malformed().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aCorruptLogStopsTheMergeWithItsName() throws Exception {
        Path d = Files.createDirectory(tmp.resolve("broken"));
        RunFiles.write(d.resolve(RunManifest.FILE), RunFixture.manifest(10, 100.0, new Segment(1, 1), RunFixture.START_MILLIS));
        Files.writeString(d.resolve(RunDirectory.LATENCY), "0.000,1.000,2.0,notahistogram\n");
        Path out = Files.createDirectory(tmp.resolve("out"));
        IntervalLogReader.CorruptLogException e = assertThrows(IntervalLogReader.CorruptLogException.class, () -> RunMerge.merge(List.of(d), out));
        assertTrue(e.getMessage().contains("latency.hlog"), e.getMessage());
    }
}
