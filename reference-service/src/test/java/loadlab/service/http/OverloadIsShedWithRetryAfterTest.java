package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.fault.Block;
import loadlab.service.fault.BlockFault;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.testkit.EndToEnd;

import io.micrometer.core.instrument.Timer;

/**
 * Under overload the service refuses work at once with 503 and Retry-After rather than queueing
 * it without bound, and what it did acknowledge is kept.
 */
@EndToEnd
class OverloadIsShedWithRetryAfterTest {

    @Test
    void requestsBeyondTheInFlightLimitAreShedAndTheAdmittedOneCompletes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ReferenceService service = EmbeddedService.start(EmbeddedService.config()
                .withShedding(1, Duration.ofSeconds(30), 32)
                .withFaultHooks(() -> 0.0, d -> {
                    entered.countDown();
                    release.await();
                }))) {
            service.faults().set(Block.STORE, BlockFault.latency(Duration.ofMillis(1), 1.0));
            CompletableFuture<HttpCall.Reply> admitted = CompletableFuture.supplyAsync(
                    () -> HttpCall.send(service.uri(), "POST", "/users/1/posts", "{\"text\":\"kept under overload\"}"));
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the first request reached the store");

            HttpCall.Reply shed = HttpCall.get(service.uri(), "/users/2/timeline");
            assertEquals(503, shed.status());
            assertEquals("1", shed.headers().firstValue("Retry-After").orElse(null));
            assertTrue(shed.json().path("error").asText().contains("overloaded"));
            assertEquals(200, HttpCall.get(service.uri(), "/health").status(), "health answers even when overloaded");

            release.countDown();
            HttpCall.Reply done = admitted.get(30, TimeUnit.SECONDS);
            assertEquals(201, done.status(), done.body());
            service.faults().clearAll();
            long id = done.json().path("id").asLong();
            assertEquals("kept under overload", service.blocks().store().posts(List.of(id)).get(id).text());
            assertTrue(service.awaitConverged(Duration.ofSeconds(30)));
            assertTrue(service.verifier().verify(-1).converged());
            String metrics = HttpCall.get(service.uri(), "/metrics").body();
            assertTrue(metrics.contains("http_server_shed_total 1.0"), "the shed request is counted");
        }
    }

    @Test
    void aRequestThatWaitedTooLongForAThreadIsShed() {
        try (ReferenceService service = EmbeddedService.start(EmbeddedService.config().withShedding(64, Duration.ofMillis(200), 32))) {
            long receivedLongAgo = System.nanoTime() - Duration.ofSeconds(2).toNanos();
            ApiResponse late = service.api().handle(ApiRequest.of("GET", "/users/1/timeline", Map.of(), null,
                    InetAddress.getLoopbackAddress(), receivedLongAgo));
            assertEquals(503, late.status());
            assertEquals("1", late.headers().get("Retry-After"));
            ApiResponse fresh = service.api().handle(ApiRequest.of("GET", "/users/1/timeline", Map.of(), null,
                    InetAddress.getLoopbackAddress(), System.nanoTime()));
            assertEquals(200, fresh.status());
        }
    }

    /**
     * Real overload through the real server: a slow store (100 ms a call), four workers and many
     * more concurrent clients than workers. Some are shed, every request gets an answer, and no
     * admitted request waited for a worker longer than the limit, so the clients' response times
     * stay near the limit plus the service time instead of growing with the crowd (before the
     * wait was measured from arrival, p99 was 2.6 s at a 500 ms limit).
     */
    @Test
    void underRealOverloadSomeAreShedAndTheWaitForAWorkerIsBounded() throws Exception {
        Duration limit = Duration.ofMillis(200);
        int clients = 120;
        int each = 5;
        try (ReferenceService service = EmbeddedService.start(EmbeddedService.config().withShedding(1_000, limit, 4))) {
            service.faults().set(Block.STORE, BlockFault.latency(Duration.ofMillis(100), 1.0));
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int user = c % 40 + 1;
                results.add(pool.submit(() -> {
                    long[] outcome = new long[3]; // created, shed, slowest nanos
                    for (int i = 0; i < each; i++) {
                        long start = System.nanoTime();
                        HttpCall.Reply reply = HttpCall.send(service.uri(), "POST", "/users/" + user + "/posts", "{\"text\":\"overload\"}");
                        outcome[2] = Math.max(outcome[2], System.nanoTime() - start);
                        if (reply.status() == 201) outcome[0]++;
                        else if (reply.status() == 503 && "1".equals(reply.headers().firstValue("Retry-After").orElse(null))) outcome[1]++;
                        else throw new AssertionError("unexpected " + reply.status() + ": " + reply.body());
                    }
                    return outcome;
                }));
            }
            long created = 0;
            long shed = 0;
            long slowest = 0;
            for (Future<long[]> f : results) {
                long[] o = f.get(120, TimeUnit.SECONDS);
                created += o[0];
                shed += o[1];
                slowest = Math.max(slowest, o[2]);
            }
            pool.shutdown();
            service.faults().clearAll();
            assertEquals((long) clients * each, created + shed, "every request was answered, 201 or 503");
            assertTrue(shed > 0, "some requests were shed");
            assertTrue(created > 0, "some requests were served");
            Timer waited = service.registry().get("http.server.queue.delay").timer();
            assertEquals(created, waited.count(), "the wait of every served request is recorded");
            assertTrue(waited.max(TimeUnit.NANOSECONDS) <= limit.toNanos(), "a served request waited " + waited.max(TimeUnit.MILLISECONDS) + " ms");
            // a generous bound: the limit, two store calls, and two seconds for a busy CI machine
            long bound = limit.toNanos() + Duration.ofMillis(200).toNanos() + Duration.ofSeconds(2).toNanos();
            assertTrue(slowest < bound, "slowest response " + slowest / 1_000_000 + " ms; bounded by " + bound / 1_000_000 + " ms");
            assertEquals(created, service.blocks().store().postCount() - service.seeded().posts(), "every 201 is stored");
        }
    }
}
