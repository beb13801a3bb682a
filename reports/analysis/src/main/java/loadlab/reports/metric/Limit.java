package loadlab.reports.metric;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import loadlab.recording.Units;

/**
 * A number with its unit as written in a gate spec ("250ms", "0.1%", "95%", "900/s", "2.5k/s"),
 * converted to the unit the metric is measured in: microseconds for latencies, a share for error
 * rates, requests per second for rates, a share of the target for "achieved-rate: 95%".
 *
 * @param value   the converted value
 * @param ofTarget true when an achieved rate is given as a share of the target
 * @param text    as written
 */
public record Limit(double value, boolean ofTarget, String text) {
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zµ%/]*)\\s*(/s)?");

    /** Parses {@code text} as a limit on {@code metric}; one sentence naming {@code where} if it is not one. */
    public static Limit parse(Object raw, Metric metric, String where) {
        if (raw == null) throw new IllegalArgumentException(where + " has no value");
        String text = String.valueOf(raw).strip();
        Matcher m = QUANTITY.matcher(text.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (!m.matches() && !text.matches("[0-9.]+[a-zµ]+([0-9.]+[a-zµ]+)+")) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a number with a unit, e.g. " + example(metric));
        }
        double n = m.matches() ? Double.parseDouble(m.group(1)) : 0;
        String unit = m.matches() ? m.group(2) + (m.group(3) == null ? "" : m.group(3)) : "compound";
        return switch (metric.kind()) {
            case LATENCY, SERVICE, SERVER_TIMING -> new Limit(micros(text, where, metric), false, text);
            case ERRORS, FAULT_ERRORS -> new Limit(share(n, unit, text, where, metric), false, text);
            case RECOVERY -> new Limit(micros(text, where, metric) / 1e6, false, text);
            case LOST_WRITES, CHECKS -> {
                if (!unit.isEmpty() || n != Math.rint(n)) throw wrong(text, where, metric);
                yield new Limit(n, false, text);
            }
            case THROUGHPUT, CAPACITY -> new Limit(perSecond(n, unit, text, where, metric), false, text);
            case ACHIEVED -> unit.equals("%") ? new Limit(n / 100, true, text) : new Limit(perSecond(n, unit, text, where, metric), false, text);
            case BENCH -> new Limit(bench(text, unit, where, metric), false, text);
        };
    }

    /** A time limit in microseconds, read by the one duration parser ({@code 250ms}, {@code 1.5s}, {@code 800us}). */
    private static double micros(String text, String where, Metric metric) {
        try {
            return Units.duration(where, text).toNanos() / 1e3;
        } catch (IllegalArgumentException e) {
            throw wrong(text, where, metric);
        }
    }

    private static double share(double n, String unit, String text, String where, Metric metric) {
        if (unit.equals("%")) return n / 100;
        if (unit.isEmpty() && n <= 1) return n;
        throw wrong(text, where, metric);
    }

    /** A rate limit, read by the one rate parser ({@code 900/s}, {@code 2.5k/s}); a bare number is per second. */
    private static double perSecond(double n, String unit, String text, String where, Metric metric) {
        if (unit.isEmpty()) return n;
        try {
            return Units.perSecond(where, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where + " '" + text + "' is ambiguous") ? e.getMessage()
                    : wrong(text, where, metric).getMessage());
        }
    }

    /** A bench score limit in the score's base unit: nanoseconds per operation (a duration), or operations per second (a rate). */
    private static double bench(String text, String unit, String where, Metric metric) {
        if (unit.contains("/")) return perSecond(1, unit, text.replace("ops/", "/"), where, metric);
        try {
            return Units.duration(where, text).toNanos();
        } catch (IllegalArgumentException e) {
            throw wrong(text, where, metric);
        }
    }

    private static IllegalArgumentException wrong(String text, String where, Metric metric) {
        return new IllegalArgumentException(where + ": '" + text + "' is not a " + metric.id() + " value; write it like " + example(metric));
    }

    static String example(Metric metric) {
        return switch (metric.kind()) {
            case LATENCY, SERVICE, SERVER_TIMING -> "250ms, 800us or 1.5s";
            case ERRORS, FAULT_ERRORS -> "0.1%";
            case RECOVERY -> "10s";
            case LOST_WRITES -> "0 (a whole number of writes)";
            case CHECKS -> "0 (a whole number of failed checks)";
            case THROUGHPUT, CAPACITY -> "900/s";
            case ACHIEVED -> "95% (of the target) or 900/s";
            case BENCH -> "2ms (time per operation) or 100k/s (throughput)";
        };
    }

    /** A share given as a percentage ("10%"), for relative checks. */
    public static double percent(Object raw, String where) {
        String text = raw == null ? "" : String.valueOf(raw).strip();
        Matcher m = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%").matcher(text);
        if (!m.matches()) throw new IllegalArgumentException(where + ": '" + text + "' is not a percentage; write it like 10%");
        return Double.parseDouble(m.group(1)) / 100;
    }
}
