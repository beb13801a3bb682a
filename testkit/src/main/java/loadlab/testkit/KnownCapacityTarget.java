package loadlab.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP target on 127.0.0.1 whose capacity is known by construction: a fixed number of workers,
 * each request holding one for a service time that is fixed or that grows with the requests in
 * flight, as the Universal Scalability Law says it does.
 */
public final class KnownCapacityTarget implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** {@code workers} threads, each request busy for {@code serviceNanos.applyAsLong(requests in flight)}. */
    private KnownCapacityTarget(int workers, IntToLongFunction serviceNanos) throws IOException {
        server = LoopbackServers.http(1024);
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "known-capacity-worker");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(this.workers);
        server.createContext("/", exchange -> {
            int n = inFlight.incrementAndGet();
            try {
                busy(serviceNanos.applyAsLong(n));
                exchange.sendResponseHeaders(200, 2);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("ok".getBytes());
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
    }

    /** Holds the worker for the time given (parked, not spinning; JDK 17's Thread.sleep would round it up to whole ms). */
    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) LockSupport.parkNanos(left);
    }

    /** Capacity {@code workers / service}: beyond it a queue grows without bound. */
    public static KnownCapacityTarget fixed(int workers, long serviceMillis) throws IOException {
        return new KnownCapacityTarget(workers, n -> TimeUnit.MILLISECONDS.toNanos(serviceMillis));
    }

    /**
     * With N requests in flight, each takes (1 + σ(N−1) + κN(N−1)) / λ: under a closed load of N
     * users that gives throughput X(N) = N / R(N) = λN / (1 + σ(N−1) + κN(N−1)), the law itself.
     */
    public static KnownCapacityTarget usl(double sigma, double kappa, double lambda) throws IOException {
        return new KnownCapacityTarget(256, n -> Math.round((1 + sigma * (n - 1) + kappa * n * (n - 1)) / lambda * 1e9));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
