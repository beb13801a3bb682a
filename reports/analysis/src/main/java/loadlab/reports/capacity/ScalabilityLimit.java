package loadlab.reports.capacity;

import java.util.Locale;

/**
 * What holds a system back, read from its fitted model at the highest measured concurrency N: the
 * larger of the contention term σ(N−1) (queueing for something shared; throughput levels off) and
 * the coherency term κN(N−1) (work to agree on shared state; throughput goes down past a peak), or
 * neither when the system still runs at 90% or more of linear scaling there.
 */
public enum ScalabilityLimit {
    NEAR_LINEAR("still near-linear"),
    CONTENTION("contention-limited"),
    COHERENCY("coherency-limited");

    private final String text;

    ScalabilityLimit(String text) {
        this.text = text;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String text() {
        return text;
    }
}
