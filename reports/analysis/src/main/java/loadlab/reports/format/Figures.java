package loadlab.reports.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import loadlab.recording.Micros;
import loadlab.recording.Summary;
import loadlab.recording.Tool;
import loadlab.recording.Percent;

/** Numbers as the report prints them: counts with separators, rates, percentages, changes. */
public final class Figures {
    private Figures() {}

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f/s" : "%,.1f/s", perSecond);
    }

    /** "2026-11-24T09:20:16.534166094Z" as "2026-11-24 09:20:16 UTC". */
    public static String instant(String iso) {
        if (iso == null || iso.length() < 19) return iso;
        return iso.substring(0, 10) + " " + iso.substring(11, 19) + (iso.endsWith("Z") ? " UTC" : "");
    }

    public static String micros(long us) {
        return Micros.text(us);
    }

    /** What nothing measured reads as in every table, card and chart label: never "0 µs". */
    public static final String NONE = "–";

    /** A figure of a distribution, or {@link #NONE} when it holds no request (a name whose every request failed). */
    public static String micros(Summary.Distribution d, long us) {
        return d.count() == 0 ? NONE : Micros.text(us);
    }

    /** "loadlab 0.1.0 (git 1a2b3c4d5e6f), gatling 3.15.1". */
    public static String tool(Tool t) {
        if (t == null) return "not recorded";
        return t.name() + " " + t.version() + " (git " + t.gitCommit() + ")" + (t.engine() == null ? "" : ", " + t.engine());
    }

    /** "k=v, k2=v2" for a reader, not a Java map dump; "none" when empty. */
    public static String pairs(Map<String, ?> map) {
        if (map == null || map.isEmpty()) return "none";
        List<String> out = new ArrayList<>();
        new TreeMap<String, Object>(map).forEach((k, v) -> out.add(k + "=" + v));
        return String.join(", ", out);
    }

    /** B against A as a signed percentage; "n/a" when A is zero. */
    public static String change(double a, double b) {
        if (a == 0) return b == 0 ? "0%" : "n/a";
        return Percent.signed((b - a) / a);
    }

    /**
     * The css of a change for a table cell: "worse" or "better" beyond {@code threshold} (a share),
     * otherwise "same".
     *
     * @param higherIsWorse true for latencies and errors, false for throughput
     */
    public static String changeCss(double a, double b, boolean higherIsWorse, double threshold) {
        if (a == 0 && b == 0) return "same";
        double rel = a == 0 ? Double.POSITIVE_INFINITY : (b - a) / a;
        if (Math.abs(rel) <= threshold) return "same";
        return (rel > 0) == higherIsWorse ? "worse" : "better";
    }
}
