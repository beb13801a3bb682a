package loadlab.reports.gate;

import java.util.regex.Pattern;

import loadlab.reports.metric.Limit;
import loadlab.reports.metric.Metric;

/**
 * One line of a gate spec. An absolute check bounds a figure of the run; a relative check bounds
 * how much worse the run may be than the baseline, judged against both runs' own noise.
 *
 * @param request   for load runs: "*" for all requests together, else a name or a glob ("post*") checked per matching name
 * @param benchmark for bench runs: a regular expression found in the benchmark's full name
 * @param bound     for absolute checks: how the figure is bounded
 * @param allowed   for relative checks: the share by which the run may be worse (0.10 for 10%)
 * @param fault     for recovery-time and error-rate-during-faults: a fault's name, a glob, or "*" for each fault; else null
 * @param entry     for server-timing metrics: the {@code Server-Timing} entry's name (store, cache, ...); else null
 */
public record Check(Kind kind, String request, Pattern benchmark, Metric metric, Bound bound, Limit limit, double allowed, String text,
                    String fault, String entry) {

    /** ABSOLUTE and RELATIVE are spec lines; STATE is the gate's own check that a run can support a verdict at all. */
    public enum Kind { ABSOLUTE, RELATIVE, STATE }

    /** An absolute bound: below (strictly), at-most, above (strictly), at-least. */
    public enum Bound {
        BELOW("below"), AT_MOST("at-most"), ABOVE("above"), AT_LEAST("at-least");

        final String id;

        Bound(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean holds(double value, double limit) {
            return switch (this) {
                case BELOW -> value < limit;
                case AT_MOST -> value <= limit;
                case ABOVE -> value > limit;
                case AT_LEAST -> value >= limit;
            };
        }
    }

    public boolean onBench() {
        return benchmark != null;
    }
}
