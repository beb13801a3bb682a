package loadlab.scenarios.engine;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback HTTP(S) target for the engine's tests: answers after a fixed service time, and
 * counts the requests it saw and the client connections (by remote port) they came on.
 */
final class TestTarget implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final long serviceMillis;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 200;

    private TestTarget(HttpServer server, long serviceMillis) {
        this.server = server;
        this.serviceMillis = serviceMillis;
        server.createContext("/", this::answer);
        server.setExecutor(pool);
        server.start();
    }

    static TestTarget http(long serviceMillis) throws IOException {
        return new TestTarget(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024), serviceMillis);
    }

    static TestTarget https(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new TestTarget(s, 0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
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
        byte[] answer = "ok".getBytes();
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Each request seen, as "METHOD /path?query x=X-Loadlab body=...", in arrival order. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    void respondWith(int code) {
        status = code;
    }

    int requests() {
        return requests.get();
    }

    int connections() {
        return clientPorts.size();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
