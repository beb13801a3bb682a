package loadlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/** A trivial HTTP target on 127.0.0.1 for command-line tests. */
final class LoopbackTarget implements AutoCloseable {
    private final HttpServer server;

    LoopbackTarget() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-target");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(served.incrementAndGet() > failAfter ? 500 : 200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes());
            }
        });
        server.start();
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong served = new AtomicLong();
    private volatile long failAfter = Long.MAX_VALUE;

    /** Answers 500 to every request after the first {@code requests}: a target that starts failing. */
    LoopbackTarget failingAfter(long requests) {
        failAfter = requests;
        return this;
    }

    /** Answers {@code path} with 200 and keeps "METHOD path" of each call, e.g. a fault's start and stop. */
    LoopbackTarget recording(String path) {
        server.createContext(path, exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{}".getBytes());
            }
        });
        return this;
    }

    /** The calls {@link #recording} kept, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Answers {@code path} with this JSON, e.g. a verification endpoint. */
    LoopbackTarget answering(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
