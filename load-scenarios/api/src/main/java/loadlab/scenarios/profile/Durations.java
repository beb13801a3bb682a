package loadlab.scenarios.profile;

import java.time.Duration;

import loadlab.recording.Units;

/** Durations as users write them ({@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 1h}); parsed by {@link loadlab.recording.Units}. */
public final class Durations {
    private Durations() {}

    public static Duration parse(String flag, String text) {
        return Units.duration(flag, text);
    }

    /** Load is scheduled per second, so profile durations are whole seconds. */
    public static long wholeSeconds(String flag, Duration d) {
        if (d.toMillis() % 1000 != 0) throw new IllegalArgumentException(flag + " must be whole seconds (e.g. 30s, 2m), got " + d.toMillis() + "ms");
        return d.toSeconds();
    }

    public static String format(Duration d) {
        return Units.text(Duration.ofSeconds(d.toSeconds()));
    }
}
