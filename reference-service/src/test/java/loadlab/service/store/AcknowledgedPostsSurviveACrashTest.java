package loadlab.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.service.support.HttpCall;
import loadlab.service.support.RealBackends;
import loadlab.service.support.ServiceProcess;
import loadlab.testkit.EndToEnd;

/**
 * Acknowledged means durable: sixteen writers post while the service process is killed with
 * SIGKILL; after a restart on the same store every post that got its 201 is there with its text,
 * and the ids handed out after the restart are new ones.
 */
@EndToEnd
class AcknowledgedPostsSurviveACrashTest {
    private static final int WRITERS = 16;
    private static final int KILL_AFTER = 400;
    private static final int MAX_PER_WRITER = 200;

    @Test
    void onTheEmbeddedFileStore(@TempDir Path dir) throws Exception {
        check("h2:file:" + dir.resolve("store"), dir);
    }

    @Test
    void onPostgres(@TempDir Path dir) throws Exception {
        String schema = RealBackends.uniqueName("loadlab_crash");
        try {
            check(RealBackends.postgres(schema), dir);
        } finally {
            RealBackends.dropSchema(schema);
        }
    }

    private void check(String store, Path dir) throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>(); // id -> text
        Map<Long, Long> authors = new ConcurrentHashMap<>();
        try (ServiceProcess first = ServiceProcess.start(store, "caffeine", "in-process", dir.resolve("first.log"))) {
            AtomicInteger acks = new AtomicInteger();
            Object killed = new Object();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int i = 0; i < MAX_PER_WRITER; i++) {
                        long author = (writer * 3 + i) % 50 + 1;
                        String text = "w" + writer + " n" + i;
                        HttpCall.Reply reply;
                        try {
                            reply = HttpCall.send(first.uri(), "POST", "/users/" + author + "/posts", "{\"text\":\"" + text + "\"}");
                        } catch (RuntimeException connectionLost) {
                            return null; // the process is gone: this post was never acknowledged
                        }
                        if (reply.status() != 201) throw new AssertionError(reply.status() + " " + reply.body());
                        long id = reply.json().path("id").asLong();
                        acknowledged.put(id, text);
                        authors.put(id, author);
                        if (acks.incrementAndGet() == KILL_AFTER) {
                            synchronized (killed) {
                                killed.notifyAll();
                            }
                        }
                    }
                    return null;
                }));
            }
            synchronized (killed) {
                while (acks.get() < KILL_AFTER) killed.wait(1_000);
            }
            first.kill();
            for (Future<?> f : running) f.get(60, TimeUnit.SECONDS);
            writers.shutdown();
        }
        assertTrue(acknowledged.size() >= KILL_AFTER, "the load was running when the process was killed");

        try (ServiceProcess second = ServiceProcess.start(store, "caffeine", "in-process", dir.resolve("second.log"))) {
            Map<Long, String> stored = postsOf(second.uri(), new HashSet<>(authors.values()));
            List<Long> lost = new ArrayList<>();
            for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                if (!e.getValue().equals(stored.get(e.getKey()))) lost.add(e.getKey());
            }
            assertEquals(List.of(), lost, lost.size() + " of " + acknowledged.size() + " acknowledged posts lost or altered");

            long newest = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            for (int i = 0; i < 20; i++) {
                JsonNode post = HttpCall.send(second.uri(), "POST", "/users/1/posts", "{\"text\":\"after the crash " + i + "\"}").json();
                long id = post.path("id").asLong();
                assertTrue(!acknowledged.containsKey(id) && id > newest, "id " + id + " was handed out before the crash");
            }
        }
    }

    /** Every post of these authors, read back through the API, page by page. */
    private static Map<Long, String> postsOf(URI service, Set<Long> authors) {
        Map<Long, String> posts = new HashMap<>();
        for (long author : authors) {
            String before = "";
            while (true) {
                JsonNode page = HttpCall.get(service, "/users/" + author + "/posts?limit=200" + before).json();
                for (JsonNode p : page.path("posts")) posts.put(p.path("id").asLong(), p.path("text").asText());
                if (page.path("next_before").isNull() || page.path("next_before").isMissingNode()) break;
                before = "&before=" + page.path("next_before").asLong();
            }
        }
        return posts;
    }
}
