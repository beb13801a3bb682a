package loadlab.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;

/**
 * A test target on 127.0.0.1 that answers at once, except that every {@code period} it freezes for
 * {@code freeze}: requests arriving then are held until the freeze ends, as a stop-the-world pause
 * holds them. Holding the request is the behaviour under test, not a way of waiting.
 */
public final class FreezingServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "freezing-server");
        t.setDaemon(true);
        return t;
    });
    private final long epoch = System.nanoTime();

    public FreezingServer(long periodMillis, long freezeMillis) throws IOException {
        server = LoopbackServers.http(1024);
        server.setExecutor(threads);
        long period = periodMillis * 1_000_000;
        long freeze = freezeMillis * 1_000_000;
        server.createContext("/", exchange -> {
            long inCycle = (System.nanoTime() - epoch) % period;
            if (freeze > 0 && inCycle >= period - freeze) {
                long until = System.nanoTime() + (period - inCycle);
                while (System.nanoTime() < until) LockSupport.parkNanos(until - System.nanoTime());
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
