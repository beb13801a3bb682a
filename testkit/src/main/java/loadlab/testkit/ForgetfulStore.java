package loadlab.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback key-value target that acknowledges every write and forgets some: {@code POST /items}
 * answers {@code {"id": N}} (ids 1, 2, 3, ... in arrival order), keeps the body, and forgets the ids
 * it was told to, or answers them later with another write's body (as a store that gave a lost
 * write's id out again would);
 * {@code PUT /keys/K} stores K, answering only after the client has given up when K is among the
 * slow keys (the write is applied; the client never learns it). {@code GET /items/N} (the kept
 * body) and {@code GET /keys/K} answer 200 when present and 404 when not.
 */
public final class ForgetfulStore implements AutoCloseable {
    private final HttpServer server;
    private final Set<Long> forget;
    private final Set<Long> replace;
    private final Set<String> slow;
    private final Map<Long, String> items = new ConcurrentHashMap<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);

    /**
     * @param forget  item ids acknowledged and then dropped
     * @param replace item ids acknowledged whose read-back shows another write's body
     * @param slow    keys whose PUT is held until the store closes
     */
    public ForgetfulStore(Set<Long> forget, Set<Long> replace, Set<String> slow) throws IOException {
        this.forget = Set.copyOf(forget);
        this.replace = Set.copyOf(replace);
        this.slow = Set.copyOf(slow);
        server = LoopbackServers.http(0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange e) throws IOException {
        try (e) {
            String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = e.getRequestURI().getPath();
            String method = e.getRequestMethod();
            if (method.equals("POST") && path.equals("/items")) {
                long id = nextId.incrementAndGet();
                if (!forget.contains(id)) items.put(id, replace.contains(id) ? "{\"v\":\"another write\"}" : body);
                answer(e, 201, "{\"id\":" + id + "}");
            } else if (method.equals("PUT") && path.startsWith("/keys/")) {
                String key = path.substring("/keys/".length());
                keys.add(key);
                if (slow.contains(key)) closing.await(30, TimeUnit.SECONDS); // applied, but the answer comes after the client's timeout
                answer(e, 200, "{\"key\":\"" + key + "\"}");
            } else if (method.equals("GET") && path.startsWith("/items/")) {
                String kept = items.get(Long.parseLong(path.substring("/items/".length())));
                answer(e, kept != null ? 200 : 404, kept != null ? kept : "{\"error\":\"absent\"}");
            } else if (method.equals("GET") && path.startsWith("/keys/")) {
                boolean present = keys.contains(path.substring("/keys/".length()));
                answer(e, present ? 200 : 404, present ? "{}" : "{\"error\":\"absent\"}");
            } else {
                answer(e, 404, "{\"error\":\"no such route\"}");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the client gave up on a held answer
        }
    }

    private static void answer(HttpExchange e, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "application/json");
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** How many items were acknowledged so far. */
    public long itemsAcknowledged() {
        return nextId.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
