package loadlab.reports.capacity;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Where the next step of a capacity search goes, from the verdicts so far: up by doubling from the
 * start rate until a step fails (or down by halving until one passes), then bisection between the
 * highest passing and the lowest failing rate until they are within the resolution of each other.
 * A failing midpoint is run once more before it counts, against noise, and so is a failing first
 * step: it meets a cold target (code not yet compiled, caches empty), and measured here its
 * failure was that and not the load (250/s failed at p99 1 s, then 243/s passed at 9 ms). The first
 * INVALID step is run once more too (each step's injector is a fresh JVM, and on one core its
 * compiler can make it start requests late at first); an INVALID step that stands ends the
 * search: above it only the injector is measured, never the target. Pure: no load, no clock.
 */
public final class CapacitySearch {
    /** Below this the search gives up: no rate the target can sustain. */
    static final double MIN_RATE = 1;

    private final double start;
    private final double max;
    private final double resolution;
    private Double low;   // highest rate that passed
    private Double high;  // lowest rate that failed (counted)
    private Double retry; // a midpoint that failed once
    private int recorded;
    private boolean invalidRetried;
    private Outcome outcome;
    private String conclusion;

    /** How a search ended. */
    public enum Outcome {
        /** The highest passing rate is known to within the resolution. */
        BRACKETED,
        /** The target met every SLO at the highest rate allowed: its capacity is at least that. */
        AT_MAX,
        /** A step the injector could not produce: the search stops below it. */
        INJECTOR_LIMIT,
        /** Not even the lowest rate met the SLOs. */
        NONE_PASSED
    }

    public CapacitySearch(double start, double max, double resolution) {
        if (!(start >= MIN_RATE)) throw new IllegalArgumentException("--start must be at least 1/s");
        if (!(max >= start)) throw new IllegalArgumentException("--max must be at least --start");
        if (!(resolution > 0 && resolution < 1)) throw new IllegalArgumentException("--resolution must be between 0% and 100%, e.g. 5%");
        this.start = start;
        this.max = max;
        this.resolution = resolution;
    }

    /** The rate of the next step, or empty when the search is over. */
    public OptionalDouble next() {
        if (outcome != null) return OptionalDouble.empty();
        if (retry != null) return OptionalDouble.of(retry);
        if (low == null && high == null) return OptionalDouble.of(start);
        if (high == null) {
            if (low >= max) return end(Outcome.AT_MAX, "every SLO was met at --max " + rate(max) + "; the capacity is at least that");
            return OptionalDouble.of(Math.min(max, round(low * 2)));
        }
        if (low == null) {
            double down = round(high / 2);
            if (down < MIN_RATE || down >= high) return end(Outcome.NONE_PASSED, "no rate down to " + rate(high) + " met the SLOs");
            return OptionalDouble.of(down);
        }
        if (high - low <= resolution * low) {
            return end(Outcome.BRACKETED, "sustainable rate " + rate(low) + ": " + rate(high) + " failed, within the "
                    + String.format(Locale.ROOT, "%.3g%%", resolution * 100) + " resolution");
        }
        double mid = round((low + high) / 2);
        if (mid <= low || mid >= high) {
            return end(Outcome.BRACKETED, "sustainable rate " + rate(low) + ": " + rate(high) + " failed, no whole rate between");
        }
        return OptionalDouble.of(mid);
    }

    /** Counts the verdict of the step at {@code rate}, the one {@link #next()} proposed. */
    public void record(double rate, StepVerdict verdict, String reason) {
        if (outcome != null) throw new IllegalStateException("the search is over");
        boolean retriable = low != null && high != null || recorded == 0;
        recorded++;
        switch (verdict) {
            case INVALID -> {
                if (retry == null && !invalidRetried) { // once per search: a cold injector JVM may start requests late at first
                    invalidRetried = true;
                    retry = rate;
                    return;
                }
                end(Outcome.INJECTOR_LIMIT, "the step at " + rate(rate) + " does not describe the target (" + reason
                    + "); the injector is the limit here: split the load over more injectors with --segment K/N, or raise --connections "
                    + "if it waited for connections");
            }
            case PASS -> {
                retry = null;
                low = low == null ? rate : Math.max(low, rate);
                if (high != null && high <= low) high = null;
            }
            case FAIL -> {
                if (retriable && retry == null) {
                    retry = rate;
                    return;
                }
                retry = null;
                high = high == null ? rate : Math.min(high, rate);
                if (low != null && low >= high) low = null;
            }
        }
    }

    public Outcome outcome() {
        return outcome;
    }

    public String conclusion() {
        return conclusion;
    }

    /** The highest rate that passed, or null. */
    public Double sustainable() {
        return low;
    }

    /** The lowest rate that failed, or null. */
    public Double lowestFailing() {
        return high;
    }

    private OptionalDouble end(Outcome o, String why) {
        outcome = o;
        conclusion = why;
        retry = null;
        return OptionalDouble.empty();
    }

    /** Whole requests per second above 20/s, tenths below. */
    static double round(double rate) {
        return rate >= 20 ? Math.round(rate) : Math.round(rate * 10) / 10.0;
    }

    static String rate(double r) {
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%,.0f/s", r) : String.format(Locale.ROOT, "%,.1f/s", r);
    }
}
