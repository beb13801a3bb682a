package loadlab.injector.internal.run;

import java.util.List;

/**
 * When to stop a run early ({@code run --abort-on GATE.yaml}, k6's {@code abortOnFail}): absolute
 * checks judged every second over the last {@code windowSeconds} of the measured run. The run then
 * ends as interrupted, naming the check that stopped it, and {@code loadlab run} exits 1.
 *
 * @param rules         the checks, each already converted to the unit it is measured in
 * @param windowSeconds the sliding window, 1 to 3600 seconds
 */
public record AbortPlan(List<Rule> rules, int windowSeconds) {
    public AbortPlan {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) throw new IllegalArgumentException("--abort-on needs at least one absolute check");
        if (windowSeconds < 1 || windowSeconds > 3600) throw new IllegalArgumentException("--abort-window must be from 1s to 1h");
    }

    /** What a rule measures over the window. */
    public enum Measure {
        /** Response time of the successful requests from the intended start, microseconds. */
        LATENCY,
        /** Service time of the successful requests from the actual send, microseconds. */
        SERVICE,
        /** Failed share of the requests, 0 to 1. */
        ERROR_RATE,
        /** Requests completed per second. */
        THROUGHPUT
    }

    /**
     * One check.
     *
     * @param request    a request name, a glob, or {@code *} for all requests together
     * @param percentile for LATENCY and SERVICE: the percentile (100 for max), or NaN for the mean
     * @param worseAbove true when a higher value is worse: the check holds while value is below (or at most) the limit
     * @param inclusive  whether the limit itself still holds (at-most, at-least)
     * @param limit      in the measure's unit
     * @param text       the check as the user wrote it, for the sentence that says why the run stopped
     */
    public record Rule(String request, Measure measure, double percentile, boolean worseAbove, boolean inclusive, double limit, String text) {
        boolean holds(double value) {
            if (worseAbove) return inclusive ? value <= limit : value < limit;
            return inclusive ? value >= limit : value > limit;
        }
    }
}
