package loadlab.service.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.service.ReferenceService;
import loadlab.service.fault.Block;
import loadlab.service.fault.BlockFault;
import loadlab.service.support.Await;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.service.support.PrivateRedis;
import loadlab.service.verify.VerificationReport;
import loadlab.testkit.EndToEnd;

/**
 * The Redis behind the cache and the stream is killed mid-load, with events still unapplied in
 * its streams, and comes back empty. Health says degraded (and why) while it is away; afterwards
 * the consumer groups are recreated, the lost events are made good from the system of record, and
 * verification finds every acknowledged post in the store, every timeline and search, with no
 * manual rebuild.
 */
@EndToEnd
class DerivedDataRecoversFromARedisRestartedEmptyTest {
    private static final int WRITERS = 8;
    private static final int POSTS_EACH = 60;

    @Test
    void everyAcknowledgedPostReachesDerivedDataAfterRedisRestartsEmpty(@TempDir Path dir) throws Exception {
        try (PrivateRedis redis = PrivateRedis.start(dir);
             ReferenceService service = EmbeddedService.start(EmbeddedService.config()
                     .withBackends("h2:mem", redis.uri("cache"), redis.uri("stream")))) {
            // the indexer falls behind, so the stream holds events nobody has applied when Redis dies
            service.faults().set(Block.INDEX, BlockFault.latency(Duration.ofMillis(100), 1.0));
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < POSTS_EACH; i++) {
                        HttpCall.Reply r = HttpCall.send(service.uri(), "POST", "/users/" + ((writer * 7 + i) % 50 + 1) + "/posts",
                                "{\"text\":\"across the restart " + writer + " " + i + "\"}");
                        if (r.status() != 201) throw new AssertionError(r.status() + " " + r.body());
                        acknowledged.incrementAndGet();
                    }
                    return null;
                }));
            }
            Await.until("unapplied events in the stream", () -> service.verifier().verify(1).pendingEvents() >= 20);
            redis.kill();
            Await.until("health says degraded while Redis is away", () -> {
                JsonNode health = HttpCall.get(service.uri(), "/health").json();
                return health.path("status").asText().equals("degraded") && health.path("reasons").size() > 0;
            });
            redis.restartEmpty();
            for (Future<?> f : writers) f.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            service.faults().clearAll();

            assertTrue(service.awaitConverged(Duration.ofSeconds(60)), "derived data caught up by itself");
            VerificationReport report = service.verifier().verify(-1);
            assertEquals(WRITERS * POSTS_EACH, acknowledged.get());
            assertEquals(List.of(), report.missingFromStore());
            assertEquals(List.of(), report.missingFromSearch(), "lost index events were made good");
            assertEquals(0, report.missingFromTimelines(), "examples: " + report.timelineExamples());
            assertTrue(report.converged(), report.toString());
            Await.until("health is ok again", () -> HttpCall.get(service.uri(), "/health").json().path("status").asText().equals("ok"));
            assertTrue(HttpCall.get(service.uri(), "/metrics").body().contains("derived_data_repairs_total 1.0"),
                    "one repair for the one reset, however many consumers noticed it");
        }
    }
}
