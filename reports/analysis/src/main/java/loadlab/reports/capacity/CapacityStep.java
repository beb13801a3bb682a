package loadlab.reports.capacity;

/**
 * One step of a capacity search or sweep, as {@code capacity.json} lists it.
 *
 * @param offeredPerS    the constant arrival rate offered (open model), or null in a concurrency sweep
 * @param users          the users of a concurrency sweep's step (closed model), or null
 * @param achievedPerS   the rate the injector produced: arrivals (open model) or completions (closed)
 * @param throughputPerS requests completed per measured second
 * @param concurrency    mean requests at the target by Little's law: throughput × mean service time (from the actual send)
 * @param errorRate      failed share of the requests, 0 to 1
 * @param steadyState    the target kept up: no backlog growing over the window, no arrival waiting for a connection.
 *                       Only such steps are points of the USL: in an overloaded open-model step every arrival is
 *                       still counted when it completes, so its throughput is the offered rate, not what the target served
 * @param p50Us          response-time percentiles of the step's successful requests, microseconds (0 with none; a capacity.json
 *                       written before p95 existed reads it as 0)
 * @param dir            the step's run directory, relative to the search's directory
 */
public record CapacityStep(int index, Double offeredPerS, Integer users, double achievedPerS, double throughputPerS, long p50Us,
                           long p95Us, long p99Us, long p999Us, double meanUs, double errorRate, double concurrency, long blockedCount,
                           boolean steadyState, StepVerdict verdict, String reason, String dir) {

    /** The same step, judged INVALID for {@code why}: its figures describe the injector, not the target. */
    public CapacityStep invalid(String why) {
        return new CapacityStep(index, offeredPerS, users, achievedPerS, throughputPerS, p50Us, p95Us, p99Us, p999Us, meanUs, errorRate, concurrency,
                blockedCount, false, StepVerdict.INVALID, why, dir);
    }

    /** Whether the step had successful requests to time; without, its percentiles read "–", never "0 µs". */
    public boolean timed() {
        return errorRate < 1 && p99Us > 0;
    }

    /** Where this step sits on the USL's axes; null when it says nothing about the target. */
    public UslPoint uslPoint() {
        if (verdict == StepVerdict.INVALID || !steadyState || throughputPerS <= 0) return null;
        double n = users != null ? users : concurrency;
        return n > 0 ? new UslPoint(n, throughputPerS) : null;
    }
}
