package loadlab.reports.capacity;

/**
 * One measurement for the Universal Scalability Law: a concurrency (users, threads, or requests in
 * flight by Little's law) and the throughput achieved there, per second.
 */
public record UslPoint(double concurrency, double throughput) {
    public UslPoint {
        if (!(concurrency > 0) || !Double.isFinite(concurrency)) {
            throw new IllegalArgumentException("a concurrency must be a positive number, got " + concurrency);
        }
        if (!(throughput >= 0) || !Double.isFinite(throughput)) {
            throw new IllegalArgumentException("a throughput must be a number of at least 0, got " + throughput);
        }
    }
}
