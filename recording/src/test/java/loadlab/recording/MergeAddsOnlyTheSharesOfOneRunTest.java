package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merge adds up every share of one profile once, measured together; anything else is one sentence naming the segment. */
class MergeAddsOnlyTheSharesOfOneRunTest {
    @TempDir
    Path tmp;

    private Path segment(String name, Segment s, long measureFrom) throws Exception {
        Path d = Files.createDirectory(tmp.resolve(name));
        RunFiles.write(d.resolve(RunManifest.FILE), s == null ? RunFixture.manifest(10, 50.0, null, measureFrom)
                : RunFixture.manifest(10, 50.0, s, measureFrom));
        RunRecorder r = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(r, d)) {
            RunFixture.record(r, "timeline", 500, 2_000, 1_500, null);
        }
        return d;
    }

    private String refused(List<Path> dirs) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out-" + System.nanoTime()));
        return assertThrows(IllegalArgumentException.class, () -> RunMerge.merge(dirs, out)).getMessage();
    }

    @Test
    void theSameSegmentTwiceIsRefused() throws Exception {
        Path s1 = segment("s1", new Segment(1, 2), RunFixture.START_MILLIS);
        String why = refused(List.of(s1, s1));
        assertTrue(why.contains("both segment 1/2") && why.contains("the same directory twice"), why);
    }

    @Test
    void oneShareOfTwoIsRefused() throws Exception {
        String why = refused(List.of(segment("s1", new Segment(1, 2), RunFixture.START_MILLIS)));
        assertTrue(why.contains("segment 2/2 is missing"), why);
    }

    @Test
    void aRunOfTheWholeProfileIsNotAShare() throws Exception {
        String why = refused(List.of(segment("whole", null, RunFixture.START_MILLIS)));
        assertTrue(why.contains("not a --segment K/N share"), why);
    }

    @Test
    void sharesMeasuredAtDifferentTimesAreRefused() throws Exception {
        Path s1 = segment("s1", new Segment(1, 2), RunFixture.START_MILLIS);
        Path s2 = segment("s2", new Segment(2, 2), RunFixture.START_MILLIS + 21_000);
        String why = refused(List.of(s1, s2));
        assertTrue(why.contains("21.0 s after") && why.contains("--start-at"), why);
    }

    @Test
    void sharesWhoseTimeZerosAreMoreThanASecondApartAreRefused() throws Exception {
        Path s1 = segment("s1", new Segment(1, 2), RunFixture.START_MILLIS);
        Path s2 = segment("s2", new Segment(2, 2), RunFixture.START_MILLIS + 1_500);
        String why = refused(List.of(s1, s2));
        assertTrue(why.contains("1.5 s after") && why.contains("not the same seconds of the profile"), why);
    }

    @Test
    void sharesOfDifferentTargetsAreRefused() throws Exception {
        Path s1 = segment("s1", new Segment(1, 2), RunFixture.START_MILLIS);
        Path s2 = segment("s2", new Segment(2, 2), RunFixture.START_MILLIS);
        RunManifest m = RunFiles.read(s2.resolve(RunManifest.FILE), RunManifest.class);
        String json = Files.readString(s2.resolve(RunManifest.FILE)).replace(m.target(), "http://127.0.0.1:2/");
        Files.writeString(s2.resolve(RunManifest.FILE), json);
        String why = refused(List.of(s1, s2));
        assertTrue(why.contains("differs") && why.contains("target"), why);
    }

    @Test
    void everyShareOnceMergesIntoOneCompleteRun() throws Exception {
        Path s1 = segment("s1", new Segment(1, 2), RunFixture.START_MILLIS);
        Path s2 = segment("s2", new Segment(2, 2), RunFixture.START_MILLIS + 300);
        RunDirectory merged = RunMerge.merge(List.of(s1, s2), Files.createDirectory(tmp.resolve("merged")));
        assertEquals(1_000, merged.summary().total().count());
        assertEquals(100.0, merged.summary().injector().targetRate(), 1e-9);
        assertEquals(RunState.COMPLETE, RunDirectory.open(merged.path()).state());
    }
}
