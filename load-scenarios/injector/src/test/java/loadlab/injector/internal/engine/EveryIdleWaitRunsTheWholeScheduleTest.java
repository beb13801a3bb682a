package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;
import loadlab.testkit.LoopbackTarget;

/**
 * However the event loops wait (sleeping, sleeping with tight timers, or spinning, which never
 * blocks in epoll and so depends on the loop running due timers on its own), every arrival of the
 * schedule fires once, is sent once and is recorded once.
 */
class EveryIdleWaitRunsTheWholeScheduleTest {

    @ParameterizedTest
    @EnumSource(IdleWait.class)
    void everyArrivalIsSentAndRecordedOnce(IdleWait idle) throws Exception {
        try (LoopbackTarget target = LoopbackTarget.http(0);
             RequestEngine engine = new RequestEngine(new EngineOptions(4, Duration.ofSeconds(10), false, 1, null, idle))) {
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            OpenProfile profile = new OpenProfile(List.of(new RatePhase(150, 150, 1)), 0);
            engine.run(target.uri(), RequestMix.of(RequestTemplate.get(target.uri())), profile, recorder, "test");

            Histogram latency = new Histogram(3);
            for (RunRecorder.Interval i : recorder.takeIntervals()) {
                assertEquals("GET", i.tag(), "no errors");
                latency.add(i.latency());
            }
            assertEquals(150, latency.getTotalCount(), "every arrival recorded");
            assertEquals(150, recorder.takeLagInterval().getTotalCount(), "every arrival fired once");
            assertEquals(150, target.requests(), "every arrival sent once");
        }
    }
}
