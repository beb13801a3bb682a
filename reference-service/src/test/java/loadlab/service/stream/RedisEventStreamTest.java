package loadlab.service.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import loadlab.service.fault.Block;
import loadlab.service.redis.RedisClient;
import loadlab.service.redis.RedisLocation;
import loadlab.service.support.RealBackends;
import loadlab.testkit.EndToEnd;

/** The contract on Redis Streams, plus what only a durable stream can promise. */
@EndToEnd
class RedisEventStreamTest extends EventStreamContract {
    private String prefix;

    @Override
    protected EventStream open(List<String> groups) {
        if (prefix == null) prefix = RealBackends.uniqueName("loadlab-test");
        RedisLocation location = RedisLocation.parse("--stream", RealBackends.redis(prefix));
        return new RedisEventStream(new RedisClient(location, Block.STREAM, 4), groups);
    }

    @Override
    protected void cleanup() {
        RealBackends.deleteKeys(prefix);
    }

    @Test
    void anEventDeliveredButNotAcknowledgedIsDeliveredAgainAfterARestart() throws InterruptedException {
        stream.publish(post(1));
        stream.publish(post(2));
        List<Delivery> first = stream.subscribe("fanout").poll(1, Duration.ofMillis(100));
        assertEquals(List.of(post(1)), first.stream().map(Delivery::event).toList());

        try (EventStream restarted = open(GROUPS)) { // a new process: same keys, consumer group kept by Redis
            assertEquals(List.of(post(1), post(2)), drain(restarted.subscribe("fanout"), 2));
        }
    }
}
