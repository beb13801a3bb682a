package loadlab.service.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.service.timing.ServerTiming;

/**
 * {@code --read-fanout 8 --hedge-after 90th}: once enough shard calls are known, a shard call that
 * hangs (an injected cache latency, held until the test lets it go) is asked again, and the read
 * answers with the whole page while the first call still hangs; {@code Server-Timing} says how many
 * calls were hedged. Percentiles it cannot use are one sentence.
 */
class AHedgedShardCallAnswersWhileTheSlowOneHangsTest {
    private static List<Long> ids(String body) {
        return Pattern.compile("\\{\"id\":(\\d+),").matcher(body).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    @Test
    void theReadAnswersWithoutTheHangingCall() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hungCallReturned = new AtomicBoolean();
        // only the first draw after arming is slow; that call's "latency" waits for the test
        ReferenceService service = EmbeddedService.start(EmbeddedService.config().withReadFanout(new ReadFanout(8, 90))
                .withFaultHooks(() -> armed.getAndSet(false) ? 0.0 : 1.0, d -> {
                    release.await(60, TimeUnit.SECONDS);
                    hungCallReturned.set(true);
                }));
        try (service) {
            String path = "/users/1/timeline?limit=20";
            HttpCall.Reply before = null;
            for (int i = 0; i < 2 * ShardHedge.MIN_CALLS / 8 + ShardHedge.RECOMPUTE_EVERY / 8 + 2; i++) before = HttpCall.get(service.uri(), path);
            assertTrue(ids(before.body()).size() > 1, before.body());
            HttpCall.Reply fault = HttpCall.send(service.uri(), "PUT", "/admin/faults/cache", "{\"latency_ms\": 10000, \"latency_probability\": 0.5}");
            assertEquals(200, fault.status(), fault.body());

            armed.set(true);
            HttpCall.Reply hedged = HttpCall.get(service.uri(), path);
            assertFalse(hungCallReturned.get(), "the read answered while its slow shard call still hung");
            assertFalse(armed.get(), "a shard call drew the slow latency");
            assertEquals(200, hedged.status(), hedged.body());
            assertEquals(ids(before.body()), ids(hedged.body()), "the hedge's answer completes the page");
            Matcher m = Pattern.compile("hedge;desc=(\\d+)").matcher(hedged.headers().firstValue(ServerTiming.HEADER).orElse(""));
            assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 1, hedged.headers().firstValue(ServerTiming.HEADER).orElse("no header"));
            release.countDown();
        }
    }

    @Test
    void aPercentileItCannotUseIsOneSentence() {
        assertEquals(95.0, ReadFanout.percentile("95th"));
        assertEquals(99.9, ReadFanout.percentile("p99.9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadFanout.percentile("soon")).getMessage().contains("is not a percentile"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadFanout.percentile("100th")).getMessage().contains("from 50th to below 100th"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadFanout.percentile("0")).getMessage().contains("from 50th to below 100th"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ReadFanout(1, 95)).getMessage().contains("add --read-fanout K"));
    }
}
