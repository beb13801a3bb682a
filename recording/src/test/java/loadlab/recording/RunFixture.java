package loadlab.recording;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run directory written in code: a manifest plus interval logs from a recorder the test feeds. */
final class RunFixture {
    /** Time zero of fixture runs: now, because the recorder stamps its intervals with the wall clock. */
    static final long START_MILLIS = System.currentTimeMillis() - 1_000;

    static RecordedProfile profile(double seconds, Double targetRate, Segment segment) {
        long s = Math.max(1, (long) Math.ceil(seconds));
        if (targetRate == null) return new RecordedProfile.Closed(4, 0, s, segment, 1);
        double whole = segment == null ? targetRate : targetRate * segment.n();
        return new RecordedProfile.Open(List.of(new RecordedProfile.Phase(whole, whole, s)), 0, s, Math.round(targetRate * s), segment, 1);
    }

    static RunManifest manifest(double seconds, Double targetRate) {
        return manifest(seconds, targetRate, null, START_MILLIS);
    }

    static RunManifest manifest(double seconds, Double targetRate, Segment segment, long measureFrom) {
        return RunManifest.load("fixture", "http-get", "http://127.0.0.1:1/", profile(seconds, targetRate, segment), Map.of(),
                        Instant.ofEpochMilli(measureFrom), measureFrom, targetRate, segment, Tool.current("test"))
                .ended(Instant.ofEpochMilli(measureFrom + (long) (seconds * 1000)).toString(), seconds, false, null);
    }

    static void writeManifest(Path dir, double seconds, Double targetRate) {
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest(seconds, targetRate));
    }

    static IntervalLog log(RunRecorder recorder, Path dir) {
        return new IntervalLog(recorder, dir, START_MILLIS, null, why -> {
            throw new AssertionError(why);
        });
    }

    /** Records {@code n} requests of the given latency (µs) and service time (µs). */
    static void record(RunRecorder r, String tag, int n, long latencyUs, long serviceUs, ErrorCause cause) {
        long base = 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            long end = base + latencyUs * 1_000;
            r.record(tag, base, end - serviceUs * 1_000, end, cause);
        }
    }
}
