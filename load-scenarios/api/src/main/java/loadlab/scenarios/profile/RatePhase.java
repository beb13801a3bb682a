package loadlab.scenarios.profile;

/**
 * One stretch of an open-model profile: arrivals per second go linearly from {@code from} to
 * {@code to} over {@code seconds} (equal rates make a constant phase).
 */
public record RatePhase(double from, double to, long seconds) {
    public RatePhase {
        if (seconds < 1) throw new IllegalArgumentException("a load phase must last at least 1s");
        if (from < 0 || to < 0) throw new IllegalArgumentException("rates must not be negative");
    }

    /** Arrivals expected in the first {@code t} seconds of this phase (the integral of the rate). */
    double arrivalsBy(double t) {
        return from * t + (to - from) * t * t / (2.0 * seconds);
    }
}
