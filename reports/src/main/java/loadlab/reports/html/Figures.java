package loadlab.reports.html;

import java.util.Locale;

import loadlab.recording.Micros;

/** Numbers as the report prints them: counts with separators, rates, percentages, changes. */
public final class Figures {
    private Figures() {}

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f/s" : "%,.1f/s", perSecond);
    }

    static String percent(double share) {
        if (share == 0) return "0%";
        if (share < 0.0001) return String.format(Locale.ROOT, "%.4f%%", share * 100);
        return String.format(Locale.ROOT, share < 0.01 ? "%.3f%%" : "%.2f%%", share * 100);
    }

    /** "2026-11-24T09:20:16.534166094Z" as "2026-11-24 09:20:16 UTC". */
    static String instant(String iso) {
        if (iso == null || iso.length() < 19) return iso;
        return iso.substring(0, 10) + " " + iso.substring(11, 19) + (iso.endsWith("Z") ? " UTC" : "");
    }

    static String micros(long us) {
        return Micros.text(us);
    }

    /** B against A as a signed percentage; "n/a" when A is zero. */
    static String change(double a, double b) {
        if (a == 0) return b == 0 ? "0%" : "n/a";
        return String.format(Locale.ROOT, "%+.1f%%", (b - a) / a * 100);
    }

    /**
     * The css of a change for a table cell: "worse" or "better" beyond {@code threshold} (a share),
     * otherwise "same".
     *
     * @param higherIsWorse true for latencies and errors, false for throughput
     */
    static String changeCss(double a, double b, boolean higherIsWorse, double threshold) {
        if (a == 0 && b == 0) return "same";
        double rel = a == 0 ? Double.POSITIVE_INFINITY : (b - a) / a;
        if (Math.abs(rel) <= threshold) return "same";
        return (rel > 0) == higherIsWorse ? "worse" : "better";
    }
}
