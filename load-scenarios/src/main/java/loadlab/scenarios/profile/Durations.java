package loadlab.scenarios.profile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}). */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String flag, String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(flag + " '" + text + "' is not a duration; write it like 500ms, 30s, 2m or 1h");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Load is scheduled per second, so profile durations are whole seconds. */
    public static long wholeSeconds(String flag, Duration d) {
        if (d.toMillis() % 1000 != 0) throw new IllegalArgumentException(flag + " must be whole seconds (e.g. 30s, 2m), got " + d.toMillis() + "ms");
        return d.toSeconds();
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) return s / 3600 + "h";
        if (s % 60 == 0 && s > 0) return s / 60 + "m";
        return s + "s";
    }
}
