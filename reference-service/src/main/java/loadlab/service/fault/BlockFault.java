package loadlab.service.fault;

import java.time.Duration;

/**
 * What is wrong with one building block: with {@code latencyProbability} each call first waits
 * {@code latency}; with {@code errorProbability} it then fails; when {@code down} every call fails.
 * Probabilities are 0 to 1.
 */
public record BlockFault(double latencyProbability, Duration latency, double errorProbability, boolean down) {
    public BlockFault {
        check("latency probability", latencyProbability);
        check("error probability", errorProbability);
        if (latency == null) latency = Duration.ZERO;
        if (latency.isNegative()) throw new IllegalArgumentException("latency must not be negative");
        if (latency.compareTo(Duration.ofMinutes(10)) > 0) throw new IllegalArgumentException("latency must be at most 10 minutes");
    }

    private static void check(String what, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(what + " must be between 0 and 1, got " + p);
    }

    public static BlockFault latency(Duration latency, double probability) {
        return new BlockFault(probability, latency, 0, false);
    }

    public static BlockFault errors(double probability) {
        return new BlockFault(0, Duration.ZERO, probability, false);
    }

    public static BlockFault outage() {
        return new BlockFault(0, Duration.ZERO, 0, true);
    }
}
