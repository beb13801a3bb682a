package loadlab.service.fault;

import java.time.Duration;

/** How an injected latency waits; tests substitute one that records or blocks on a latch. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
