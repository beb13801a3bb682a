package loadlab.recording;

import java.util.Locale;

/** Microseconds as people read them: µs below a millisecond, ms below a second, then s. */
public final class Micros {
    private Micros() {}

    public static String text(long us) {
        if (us < 1_000) return us + " µs";
        if (us < 1_000_000) return String.format(Locale.ROOT, "%.1f ms", us / 1_000.0);
        return String.format(Locale.ROOT, "%.2f s", us / 1_000_000.0);
    }
}
