package loadlab.recording;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The one histogram shape every loadlab measurement uses: microseconds, 1 to 3,600,000,000 (one
 * hour), three significant digits. Sharing it is what makes any two histograms addable.
 */
public final class Histograms {
    public static final long LOWEST_US = 1;
    public static final long HIGHEST_US = 3_600_000_000L;
    public static final int DIGITS = 3;

    private Histograms() {}

    public static Histogram empty() {
        return new Histogram(LOWEST_US, HIGHEST_US, DIGITS);
    }

    public static Recorder recorder() {
        return new Recorder(LOWEST_US, HIGHEST_US, DIGITS);
    }

    /** Nanoseconds to recordable microseconds: at least 1, at most an hour. */
    public static long micros(long nanos) {
        long us = nanos / 1_000;
        return us < LOWEST_US ? LOWEST_US : Math.min(us, HIGHEST_US);
    }
}
