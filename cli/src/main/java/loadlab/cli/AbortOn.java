package loadlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import loadlab.reports.gate.Check;
import loadlab.reports.gate.GateSpec;
import loadlab.injector.internal.run.AbortPlan;

/**
 * {@code run --abort-on GATE.yaml}: the gate spec's absolute checks on response time, service
 * time, error rate and throughput, as the injector judges them every second over the window.
 * Anything the window cannot judge (relative checks, checks on faults, checks, the achieved rate)
 * is refused in one sentence rather than silently left out.
 */
final class AbortOn {
    private AbortOn() {}

    static AbortPlan plan(Path specFile, Duration window) {
        GateSpec spec = GateSpec.read(specFile);
        if (window.toMillis() % 1000 != 0 || window.toSeconds() < 1 || window.toSeconds() > 3600) {
            throw new IllegalArgumentException("--abort-window must be whole seconds from 1s to 1h, e.g. 10s");
        }
        List<AbortPlan.Rule> rules = new ArrayList<>();
        for (Check c : spec.checks()) {
            String where = "--abort-on " + specFile + ": the check " + c.text();
            if (c.kind() != Check.Kind.ABSOLUTE) throw new IllegalArgumentException(where + " is relative; --abort-on judges absolute checks only");
            AbortPlan.Measure measure = switch (c.metric().kind()) {
                case LATENCY -> AbortPlan.Measure.LATENCY;
                case SERVICE -> AbortPlan.Measure.SERVICE;
                case ERRORS -> AbortPlan.Measure.ERROR_RATE;
                case THROUGHPUT -> AbortPlan.Measure.THROUGHPUT;
                default -> throw new IllegalArgumentException(where + " measures " + c.metric().id() + ", which a window of the run cannot judge; "
                        + "--abort-on takes response and service times, error-rate and throughput (give the rest to --gate)");
            };
            boolean worseAbove = c.bound() == Check.Bound.BELOW || c.bound() == Check.Bound.AT_MOST;
            boolean inclusive = c.bound() == Check.Bound.AT_MOST || c.bound() == Check.Bound.AT_LEAST;
            rules.add(new AbortPlan.Rule(c.request(), measure, c.metric().percentile(), worseAbove, inclusive, c.limit().value(),
                    c.metric().id() + " " + c.bound().id() + " " + c.limit().text()));
        }
        if (rules.isEmpty()) throw new IllegalArgumentException("--abort-on " + specFile + " has no absolute checks to judge");
        return new AbortPlan(rules, (int) window.toSeconds());
    }
}
