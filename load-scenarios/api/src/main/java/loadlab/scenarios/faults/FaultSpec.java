package loadlab.scenarios.faults;

import java.time.Duration;

/**
 * One planned fault: from {@code atMs} on the run's measured timeline (after the warm-up) for
 * {@code lengthMs}, started by {@code start} and ended by {@code stop} (null for a stall, which
 * ends by itself). Plain values, so the plan travels to the injector as JSON.
 *
 * @param kind   block, stall, exec or http
 * @param target what it faults: a block's name, "process" for a stall, else the start action
 */
public record FaultSpec(String name, String kind, String target, long atMs, long lengthMs, FaultAction start, FaultAction stop) {
    static FaultSpec of(String name, String kind, String target, Duration at, Duration length, FaultAction start, FaultAction stop) {
        return new FaultSpec(name, kind, target, at.toMillis(), length.toMillis(), start, stop);
    }

    public Duration at() {
        return Duration.ofMillis(atMs);
    }

    public Duration length() {
        return Duration.ofMillis(lengthMs);
    }

    public Duration end() {
        return Duration.ofMillis(atMs + lengthMs);
    }

    /** Whether two faults' windows share an instant. */
    boolean overlaps(FaultSpec other) {
        return atMs < other.atMs + other.lengthMs && other.atMs < atMs + lengthMs;
    }
}
