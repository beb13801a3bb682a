package loadlab.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback target with a store of items, for checks and sequences: {@code POST /items} stores
 * the body and answers 201 with {@code {"id": N}} and a {@code Location} (with {@code ?noid}, 201
 * with no id: a broken write path), {@code GET /items/N} answers the item or 404; every request's
 * path is kept in order.
 */
public final class ItemsTarget implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<Long, String> items = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    public ItemsTarget() throws IOException {
        server = LoopbackServers.http(256);
        server.createContext("/", this::answer);
        server.setExecutor(pool);
        server.start();
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(x.getRequestMethod() + " " + x.getRequestURI() + " auth=" + x.getRequestHeaders().getFirst("Authorization"));
        if (x.getRequestMethod().equals("POST") && path.equals("/items")) {
            long id = ids.incrementAndGet();
            items.put(id, body);
            boolean noId = "noid".equals(x.getRequestURI().getQuery());
            x.getResponseHeaders().add("Location", "/items/" + id);
            reply(x, 201, noId ? "{\"stored\": true}" : "{\"id\": " + id + ", \"stored\": true}");
        } else if (x.getRequestMethod().equals("GET") && path.startsWith("/items/")) {
            String item = items.get(Long.parseLong(path.substring("/items/".length())));
            if (item == null) reply(x, 404, "{\"error\": \"no such item\"}");
            else reply(x, 200, "{\"id\": " + path.substring("/items/".length()) + ", \"item\": " + item + "}");
        } else {
            reply(x, 404, "{}");
        }
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
