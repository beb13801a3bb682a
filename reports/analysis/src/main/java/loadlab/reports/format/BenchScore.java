package loadlab.reports.format;

import java.util.Locale;

/**
 * A JMH score in units people read: times per operation in ns, µs, ms or s, whichever keeps the
 * figure between 1 and 1000, and throughputs per second with k/M/G. JMH's own units ("us/op",
 * "ops/ms", ...) are converted to a base (nanoseconds per op, or ops per second) first, so scores of
 * one subject measured in different units line up on one axis.
 *
 * @param kind   "time" (base: ns/op), "rate" (base: ops/s) or "other" (the unit as JMH wrote it)
 * @param factor multiply a score in the JMH unit by this to get the base
 */
public record BenchScore(String kind, double factor, String unit) {

    public static BenchScore of(String jmhUnit) {
        String[] parts = jmhUnit.split("/");
        if (parts.length == 2 && parts[1].equals("op") && nanos(parts[0]) > 0) return new BenchScore("time", nanos(parts[0]), jmhUnit);
        if (parts.length == 2 && parts[0].equals("ops") && nanos(parts[1]) > 0) {
            return new BenchScore("rate", 1e9 / nanos(parts[1]), jmhUnit);
        }
        return new BenchScore("other", 1, jmhUnit);
    }

    /** The score (in the JMH unit) converted to the base. */
    public double base(double score) {
        return score * factor;
    }

    /** "22.6 ns", "1.79 s", "37.8k ops/s", or the number with JMH's unit. */
    public String text(double score) {
        double v = base(score);
        return switch (kind) {
            case "time" -> time(v);
            case "rate" -> rate(v);
            default -> String.format(Locale.ROOT, "%s %s", sig(v), unit);
        };
    }

    /** "22.6 ± 0.4 ns": the error in the unit chosen for the score, so the two read together. */
    public String text(double score, Double error) {
        if (error == null) return text(score) + " (no interval: too few iterations)";
        double v = base(score);
        double e = base(error);
        return switch (kind) {
            case "time" -> {
                double[] scale = scale(v);
                yield sig(v / scale[0]) + " ± " + alike(e / scale[0], v / scale[0]) + " " + TIME_UNITS[(int) scale[1]];
            }
            case "rate" -> {
                double[] scale = scale(v);
                yield sig(v / scale[0]) + " ± " + alike(e / scale[0], v / scale[0]) + " " + RATE_UNITS[(int) scale[1]];
            }
            default -> sig(v) + " ± " + alike(e, v) + " " + unit;
        };
    }

    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};
    private static final String[] RATE_UNITS = {"ops/s", "k ops/s", "M ops/s", "G ops/s"};

    public static String time(double ns) {
        double[] scale = scale(ns);
        return sig(ns / scale[0]) + " " + TIME_UNITS[(int) scale[1]];
    }

    public static String rate(double perSecond) {
        double[] scale = scale(perSecond);
        return sig(perSecond / scale[0]) + " " + RATE_UNITS[(int) scale[1]];
    }

    /** The power of a thousand that keeps {@code v} below 1000, and its index into the unit names. */
    private static double[] scale(double v) {
        double a = Math.abs(v);
        if (a < 1e3) return new double[] {1, 0};
        if (a < 1e6) return new double[] {1e3, 1};
        if (a < 1e9) return new double[] {1e6, 2};
        return new double[] {1e9, 3};
    }

    /** Three significant digits: 22.6, 481, 0.378, 1,200. */
    public static String sig(double v) {
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : String.valueOf(v);
        return String.format(Locale.ROOT, "%,." + decimals(v) + "f", v);
    }

    /** An error written to the decimals of its score, as JMH writes them (5.86 ± 0.72), unless that would round it away. */
    public static String alike(double error, double score) {
        int d = decimals(score);
        if (Math.abs(error) * Math.pow(10, d) < 1) return sig(error);
        return String.format(Locale.ROOT, "%,." + d + "f", error);
    }

    private static int decimals(double v) {
        double a = Math.abs(v);
        if (a == 0 || !Double.isFinite(a)) return 0;
        return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : Math.min(6, 2 - (int) Math.floor(Math.log10(a)));
    }

    private static double nanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "hr" -> 3600e9;
            default -> -1;
        };
    }
}
