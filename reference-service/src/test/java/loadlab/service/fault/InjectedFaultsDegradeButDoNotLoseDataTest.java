package loadlab.service.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.service.ReferenceService;
import loadlab.service.support.Await;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.testkit.EndToEnd;

/** Each fault the admin API can inject, through HTTP, and what the service does about it. */
@EndToEnd
class InjectedFaultsDegradeButDoNotLoseDataTest {
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private ReferenceService service;

    @BeforeEach
    void start() {
        service = EmbeddedService.start(EmbeddedService.config().withFaultHooks(() -> 0.5, slept::add));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpCall.Reply call(String method, String path, String body) {
        return HttpCall.send(service.uri(), method, path, body);
    }

    private HttpCall.Reply fault(String block, String json) {
        HttpCall.Reply r = call("PUT", "/admin/faults/" + block, json);
        assertEquals(200, r.status(), r.body());
        return r;
    }

    private long followedAuthorOf(long user) {
        return service.blocks().store().followees(user)[0];
    }

    @Test
    void aStoreThatIsDownRefusesWritesWith503ButCachedTimelinesStillAnswer() {
        JsonNode before = call("GET", "/users/1/timeline", null).json();
        fault("store", "{\"down\": true}");
        HttpCall.Reply write = call("POST", "/users/1/posts", "{\"text\":\"lost?\"}");
        assertEquals(503, write.status());
        assertEquals("1", write.headers().firstValue("Retry-After").orElse(null));
        assertTrue(write.json().path("error").asText().contains("store unavailable"));
        assertEquals(before, call("GET", "/users/1/timeline", null).json(), "served from the cache");
        assertEquals("degraded", call("GET", "/health", null).json().path("status").asText());
        call("DELETE", "/admin/faults/store", null);
        assertEquals(201, call("POST", "/users/1/posts", "{\"text\":\"after the outage\"}").status());
    }

    @Test
    void storeErrorsAtProbabilityOneFailEveryCallAndAtZeroNone() {
        fault("store", "{\"error_probability\": 1.0}");
        assertEquals(503, call("POST", "/users", "{\"name\":\"x\"}").status());
        fault("store", "{\"error_probability\": 0.0}");
        assertEquals(201, call("POST", "/users", "{\"name\":\"x\"}").status());
    }

    @Test
    void latencyIsAddedToTheBlockWithTheGivenProbability() {
        fault("store", "{\"latency_ms\": 250, \"latency_probability\": 0.6}");
        assertEquals(200, call("GET", "/users/2", null).status());
        assertFalse(slept.isEmpty(), "a draw of 0.5 is below 0.6, so the latency struck");
        assertTrue(slept.stream().allMatch(d -> d.equals(Duration.ofMillis(250))));
        slept.clear();
        fault("store", "{\"latency_ms\": 250, \"latency_probability\": 0.4}");
        assertEquals(200, call("GET", "/users/2", null).status());
        assertTrue(slept.isEmpty(), "a draw of 0.5 is above 0.4");
    }

    @Test
    void aCacheThatIsDownIsBypassedWithTheSameAnswer() {
        JsonNode before = call("GET", "/users/3/timeline?limit=50", null).json();
        fault("cache", "{\"down\": true}");
        assertEquals(before, call("GET", "/users/3/timeline?limit=50", null).json());
        assertTrue(call("GET", "/metrics", null).body().contains("timeline_cache_requests_total{result=\"unavailable\"}"));
    }

    @Test
    void anIndexThatIsDownFailsSearchButNotPostsWhichBecomeSearchableWhenItReturns() throws Exception {
        fault("index", "{\"down\": true}");
        assertEquals(503, call("GET", "/search?q=anything", null).status());
        long author = followedAuthorOf(4);
        long id = call("POST", "/users/" + author + "/posts", "{\"text\":\"zyzzyva arrives late\"}").json().path("id").asLong();
        JsonNode verify = call("GET", "/admin/verify", null).json();
        assertFalse(verify.path("converged").asBoolean());
        assertEquals(id, verify.path("missing_from_search").get(0).asLong());
        call("DELETE", "/admin/faults", null);
        assertTrue(service.awaitConverged(Duration.ofSeconds(30)));
        assertEquals(id, call("GET", "/search?q=zyzzyva", null).json().path("posts").get(0).path("id").asLong());
        assertTrue(call("GET", "/admin/verify", null).json().path("converged").asBoolean());
    }

    @Test
    void aStreamThatIsDownDelaysFanOutButLosesNothing() throws Exception {
        long author = followedAuthorOf(5);
        fault("stream", "{\"down\": true}");
        long id = call("POST", "/users/" + author + "/posts", "{\"text\":\"queued in the outbox\"}").json().path("id").asLong();
        assertTrue(call("GET", "/admin/verify", null).json().path("pending_events").asLong() > 0);
        call("DELETE", "/admin/faults", null);
        assertTrue(service.awaitConverged(Duration.ofSeconds(30)));
        JsonNode verify = call("GET", "/admin/verify", null).json();
        assertTrue(verify.path("converged").asBoolean(), verify.toString());
        assertTrue(verify.path("lag_micros").path("count").asLong() >= 1);
        boolean inTimeline = false;
        for (JsonNode p : call("GET", "/users/5/timeline?limit=200", null).json().path("posts")) inTimeline |= p.path("id").asLong() == id;
        assertTrue(inTimeline);
    }

    @Test
    void aStallHoldsRequestsUntilItEndsWhileTheAdminApiStillAnswers() throws Exception {
        assertEquals(202, call("POST", "/admin/stall", "{\"duration_ms\": 60000}").status());
        CompletableFuture<HttpCall.Reply> held = CompletableFuture.supplyAsync(() -> call("GET", "/users/1/timeline", null));
        Await.until("the request is held by the stall", () -> service.stall().waiting() >= 1);
        assertFalse(held.isDone());
        assertTrue(call("GET", "/admin/faults", null).json().path("stalled").asBoolean());
        assertEquals(200, call("DELETE", "/admin/faults", null).status());
        assertEquals(200, held.get(30, TimeUnit.SECONDS).status());
    }
}
