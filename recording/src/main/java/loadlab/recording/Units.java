package loadlab.recording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rates and durations as people type them, read by one parser for every flag, profile, fault
 * schedule, gate spec and SLO: durations {@code 500ms}, {@code 30s}, {@code 90s}, {@code 1m30s},
 * {@code 1.5s}, {@code 800us}, {@code 2h}; rates {@code 500/s}, {@code 10k/s}, {@code 1.5k/s},
 * {@code 2M/s}, {@code 30/m}. In a rate, {@code k} is a thousand and {@code M} a million; {@code /m}
 * is per minute, so a lower-case {@code m} before the slash (milli? mega?) is refused rather than
 * guessed.
 */
public final class Units {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(k|K|M)?\\s*/\\s*(s|sec|m|min|h)");
    public static final String DURATION_EXAMPLES = "500ms, 30s, 1m30s or 2h";
    public static final String RATE_EXAMPLES = "500/s, 10k/s, 1.5k/s or 30/m";

    private Units() {}

    /** A duration, parts adding up ({@code 1m30s}); one sentence naming {@code flag} when it is not one. */
    public static Duration duration(String flag, String text) {
        String t = text == null ? "" : text.strip().replace(" ", "");
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        int lastRank = Integer.MAX_VALUE;
        while (at < t.length() && m.find(at) && m.start() == at) {
            int rank = rank(m.group(2));
            if (rank >= lastRank) throw wrongDuration(flag, text);
            lastRank = rank;
            try {
                total = total.plus(part(new BigDecimal(m.group(1)), m.group(2)));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(flag + " '" + text + "' is longer than loadlab measures (at most a few years)");
            }
            at = m.end();
        }
        if (t.isEmpty() || at != t.length()) {
            if (t.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException(flag + " '" + text + "' needs a unit; write it like " + t + "s (or " + DURATION_EXAMPLES + ")");
            }
            throw wrongDuration(flag, text);
        }
        return total;
    }

    /** Requests (or arrivals) per second; one sentence naming {@code flag} when it is not a rate. */
    public static double perSecond(String flag, String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            if (t.matches("\\d+(\\.\\d+)?\\s*m\\s*/\\s*s")) {
                throw new IllegalArgumentException(flag + " '" + text + "' is ambiguous: write a million per second as 1M/s, a thousand as 1k/s");
            }
            if (t.matches("\\d+(\\.\\d+)?\\s*[kKM]?")) {
                throw new IllegalArgumentException(flag + " '" + text + "' needs a time unit; write it like " + t + "/s");
            }
            throw new IllegalArgumentException(flag + " '" + text + "' is not a rate; write it like " + RATE_EXAMPLES);
        }
        double n = Double.parseDouble(m.group(1));
        if (m.group(2) != null) n *= m.group(2).equals("M") ? 1e6 : 1e3;
        return switch (m.group(3)) {
            case "s", "sec" -> n;
            case "m", "min" -> n / 60;
            default -> n / 3600;
        };
    }

    /** "1m30s" for 90 s, "500ms", "2h": the shortest way the parser reads back. */
    public static String text(Duration d) {
        if (d.isZero()) return "0s";
        if (d.toNanos() % 1_000_000_000L != 0) {
            return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() % 1_000 == 0 ? d.toNanos() / 1000 + "us" : d.toNanos() + "ns";
        }
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 3600) out.append(s / 3600).append('h');
        if (s % 3600 >= 60) out.append(s % 3600 / 60).append('m');
        if (s % 60 > 0) out.append(s % 60).append('s');
        return out.toString();
    }

    private static int rank(String unit) {
        return switch (unit) {
            case "d" -> 7;
            case "h" -> 6;
            case "m" -> 5;
            case "s" -> 4;
            case "ms" -> 3;
            case "us", "µs" -> 2;
            default -> 1;
        };
    }

    private static Duration part(BigDecimal n, String unit) {
        long nanosPer = switch (unit) {
            case "d" -> 86_400_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
        };
        BigDecimal nanos = n.multiply(BigDecimal.valueOf(nanosPer));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) throw new ArithmeticException("longer than loadlab measures");
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static IllegalArgumentException wrongDuration(String flag, String text) {
        return new IllegalArgumentException(flag + " '" + text + "' is not a duration; write it like " + DURATION_EXAMPLES);
    }
}
