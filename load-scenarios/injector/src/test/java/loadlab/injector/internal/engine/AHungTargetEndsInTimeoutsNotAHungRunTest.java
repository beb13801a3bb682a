package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;
import loadlab.testkit.LoopbackTarget;

/**
 * A target that takes every connection and answers none: each arrival ends as a timeout, those on
 * a connection and those still waiting for one alike, so none is dropped and the run ends.
 */
class AHungTargetEndsInTimeoutsNotAHungRunTest {

    @Test
    void everyArrivalIsATimeoutAndTheRunEnds() throws Exception {
        try (LoopbackTarget target = LoopbackTarget.http(30_000);
             RequestEngine engine = new RequestEngine(new EngineOptions(2, Duration.ofMillis(300), false, 1, null, null))) {
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            engine.run(target.uri(), RequestMix.of(RequestTemplate.get(target.uri())), new OpenProfile(List.of(new RatePhase(50, 50, 1)), 0),
                    recorder, "test");
            Map<String, Long> counts = new HashMap<>();
            for (RunRecorder.Interval i : recorder.takeIntervals()) counts.merge(i.tag(), i.latency().getTotalCount(), Long::sum);
            assertEquals(Map.of("GET#timeout", 50L), counts, "all 50 arrivals, each a timeout");
        }
    }
}
