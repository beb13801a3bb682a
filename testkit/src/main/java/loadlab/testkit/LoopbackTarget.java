package loadlab.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTP (or HTTPS) target on 127.0.0.1 for tests of the engines and the command line: answers
 * "ok" after a fixed service time, can start failing after some requests or answer any status,
 * can answer chosen paths with JSON or keep their calls (a fault's start and stop), and counts
 * the requests it saw and the client connections (by remote port) they came on.
 */
public final class LoopbackTarget implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final long serviceMillis;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile long failAfter = Long.MAX_VALUE;
    private volatile int status = 200;

    /** A target that answers at once. */
    public LoopbackTarget() throws IOException {
        this(LoopbackServers.http(1024), 0);
    }

    private LoopbackTarget(HttpServer server, long serviceMillis) {
        this.server = server;
        this.serviceMillis = serviceMillis;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-target");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::answer);
        server.setExecutor(pool);
        server.start();
    }

    /** A target that answers after {@code serviceMillis}, its service time. */
    public static LoopbackTarget http(long serviceMillis) throws IOException {
        return new LoopbackTarget(LoopbackServers.http(1024), serviceMillis);
    }

    /** An HTTPS target with this TLS context (its certificate), answering at once. */
    public static LoopbackTarget https(SSLContext tls) throws IOException {
        HttpsServer s = LoopbackServers.https(1024);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new LoopbackTarget(s, 0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long n = requests.incrementAndGet();
        clientPorts.add(exchange.getRemoteAddress().getPort());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " x=" + exchange.getRequestHeaders().getFirst("X-Loadlab")
                + " body=" + body);
        if (serviceMillis > 0) {
            try {
                Thread.sleep(serviceMillis); // the target's service time, not a test's synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(n > failAfter ? 500 : status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Answers 500 to every request after the first {@code requests}: a target that starts failing. */
    public LoopbackTarget failingAfter(long requests) {
        failAfter = requests;
        return this;
    }

    /** Answers every request to "/" with this status from now on. */
    public void respondWith(int code) {
        status = code;
    }

    /** Answers {@code path} with 200 and keeps "METHOD path" of each call, e.g. a fault's start and stop. */
    public LoopbackTarget recording(String path) {
        server.createContext(path, exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        return this;
    }

    /** Answers {@code path} with this JSON, e.g. a verification endpoint. */
    public LoopbackTarget answering(String path, String json) {
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

    /** The calls {@link #recording} kept, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Each request to "/" seen, as "METHOD /path?query x=X-Loadlab body=...", in arrival order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    public int requests() {
        return (int) requests.get();
    }

    public int connections() {
        return clientPorts.size();
    }

    public URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public String url() {
        return uri().toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
