package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.fault.Block;
import loadlab.service.fault.BlockFault;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;

/**
 * Under overload the service refuses work at once with 503 and Retry-After rather than queueing
 * it without bound, and what it did acknowledge is kept.
 */
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
            assertEquals("kept under overload", service.blocks().store().posts(java.util.List.of(id)).get(id).text());
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
            ApiResponse late = service.api().handle(new ApiRequest("GET", "/users/1/timeline", Map.of(), null,
                    java.net.InetAddress.getLoopbackAddress(), receivedLongAgo));
            assertEquals(503, late.status());
            assertEquals("1", late.headers().get("Retry-After"));
            ApiResponse fresh = service.api().handle(new ApiRequest("GET", "/users/1/timeline", Map.of(), null,
                    java.net.InetAddress.getLoopbackAddress(), System.nanoTime()));
            assertEquals(200, fresh.status());
        }
    }
}
