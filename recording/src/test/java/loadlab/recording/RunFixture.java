package loadlab.recording;

import java.nio.file.Path;
import java.util.Map;

/** A run directory written in code: a manifest plus interval logs from a recorder the test feeds. */
final class RunFixture {
    static final long START_MILLIS = 1_790_000_000_000L;

    static RunManifest manifest(double seconds, Double targetRate) {
        return new RunManifest(RunManifest.SCHEMA, "fixture", "http-get", "http://127.0.0.1:1", "open",
                Map.of("rate", "100/s"), Map.of(), "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", START_MILLIS, seconds,
                targetRate, null, false, Map.of("version", "test"), Map.of());
    }

    static void writeManifest(Path dir, double seconds, Double targetRate) {
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest(seconds, targetRate));
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
