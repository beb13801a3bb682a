package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;
import loadlab.testkit.LoopbackTarget;

/**
 * More arrivals than two connections can carry: none is dropped, none opens a third connection,
 * and the time each waited for a connection is in its response time and reported as blocked.
 */
class BlockedTimeIsCountedWhenConnectionsRunOutTest {

    @Test
    void arrivalsWaitForAConnectionAndTheWaitIsCounted() throws Exception {
        try (LoopbackTarget target = LoopbackTarget.http(20);
             RequestEngine engine = new RequestEngine(new EngineOptions(2, Duration.ofSeconds(30), false, 1, null, null))) {
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            OpenProfile profile = new OpenProfile(List.of(new RatePhase(200, 200, 1)), 0); // 200 arrivals; 2 x 50/s can carry 100
            engine.run(target.uri(), RequestMix.of(RequestTemplate.get(target.uri())), profile, recorder, "test");

            Histogram latency = new Histogram(3);
            Histogram service = new Histogram(3);
            for (RunRecorder.Interval i : recorder.takeIntervals()) {
                assertEquals("GET", i.tag(), "no errors");
                latency.add(i.latency());
                service.add(i.service());
            }
            assertEquals(200, latency.getTotalCount(), "every arrival recorded");
            assertEquals(200, target.requests());
            assertTrue(target.connections() <= 2, "at most --connections connections: " + target.connections());
            Histogram blocked = recorder.takeBlockedInterval();
            assertTrue(blocked.getTotalCount() > 100, "most arrivals waited: " + blocked.getTotalCount());
            long p50Gap = latency.getValueAtPercentile(50) - service.getValueAtPercentile(50);
            assertTrue(p50Gap >= blocked.getValueAtPercentile(50) / 2,
                    "the wait is part of the response time: latency p50 " + latency.getValueAtPercentile(50) + " µs, service p50 "
                            + service.getValueAtPercentile(50) + " µs, blocked p50 " + blocked.getValueAtPercentile(50) + " µs");
        }
    }
}
