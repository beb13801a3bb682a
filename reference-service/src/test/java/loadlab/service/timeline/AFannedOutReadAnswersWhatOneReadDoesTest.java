package loadlab.service.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.service.timing.ServerTiming;

/**
 * {@code --read-fanout 4}: a home-timeline read asks four cache shards at once and answers exactly
 * what a single read answers (on the same seeded data), and its {@code Server-Timing} header says
 * so: {@code fanout;desc=4} and one cache entry per shard call, made on the shard threads.
 */
class AFannedOutReadAnswersWhatOneReadDoesTest {
    /** The post ids of a timeline page, in order (the seeded times differ between two services started apart). */
    private static List<Long> ids(String body) {
        return java.util.regex.Pattern.compile("\\{\"id\":(\\d+),").matcher(body).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    @Test
    void theSameTimelineFromFourShards() {
        try (ReferenceService one = EmbeddedService.start(); ReferenceService four = EmbeddedService.start(EmbeddedService.config().withReadFanout(4))) {
            for (long user : new long[] {1, 2, 7}) {
                String path = "/users/" + user + "/timeline?limit=15";
                HttpCall.get(four.uri(), path); // a first read may miss and load the window
                HttpCall.Reply single = HttpCall.get(one.uri(), path);
                HttpCall.Reply fanned = HttpCall.get(four.uri(), path);
                assertEquals(200, fanned.status(), fanned.body());
                assertEquals(ids(single.body()), ids(fanned.body()), "user " + user);
                assertTrue(ids(single.body()).size() > 1, single.body());
                List<String> entries = Arrays.stream(fanned.headers().firstValue(ServerTiming.HEADER).orElse("").split(", ")).toList();
                int at = entries.indexOf("fanout;desc=4");
                assertTrue(at >= 0 && entries.size() >= at + 5, entries.toString());
                assertTrue(entries.subList(at + 1, at + 5).stream().allMatch(e -> e.startsWith("cache;dur=")),
                        "one entry per shard call, right after the fan-out (the posts are read after the shards): " + entries);
            }
        }
    }
}
