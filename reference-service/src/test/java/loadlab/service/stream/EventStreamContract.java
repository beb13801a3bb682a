package loadlab.service.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEvent;
import loadlab.service.model.TimelineEvent.FollowChanged;
import loadlab.service.model.TimelineEvent.PostPublished;

/** What every event stream must do; one small subclass per backend. */
abstract class EventStreamContract {
    static final List<String> GROUPS = List.of("fanout", "index");
    protected EventStream stream;

    protected abstract EventStream open(List<String> groups);

    protected void cleanup() {}

    @BeforeEach
    void openStream() {
        stream = open(GROUPS);
    }

    @AfterEach
    void closeStream() {
        stream.close();
        cleanup();
    }

    static PostPublished post(long id) {
        return new PostPublished(new Post(id, 7, "text " + id, 1_000 + id), 2_000 + id);
    }

    static List<TimelineEvent> drain(EventStream.Subscription s, int expected) throws InterruptedException {
        List<TimelineEvent> events = new ArrayList<>();
        for (int polls = 0; events.size() < expected && polls < 100; polls++) {
            List<Delivery> batch = s.poll(expected - events.size(), Duration.ofMillis(100));
            batch.forEach(d -> events.add(d.event()));
            s.ack(batch);
        }
        return events;
    }

    @Test
    void everyGroupReceivesEveryEventInOrder() throws InterruptedException {
        EventStream.Subscription fanout = stream.subscribe("fanout");
        EventStream.Subscription index = stream.subscribe("index");
        List<TimelineEvent> published = List.of(post(1), new FollowChanged(1, 2, true, 5), post(2), new FollowChanged(1, 2, false, 6));
        published.forEach(stream::publish);
        assertEquals(published, drain(fanout, 4));
        assertEquals(published, drain(index, 4));
    }

    @Test
    void eventsStayInTheBacklogUntilAcknowledged() throws InterruptedException {
        EventStream.Subscription fanout = stream.subscribe("fanout");
        stream.publish(post(1));
        stream.publish(post(2));
        assertEquals(2, fanout.backlog());
        List<Delivery> batch = new ArrayList<>();
        while (batch.size() < 2) batch.addAll(fanout.poll(2 - batch.size(), Duration.ofMillis(100)));
        assertEquals(2, fanout.backlog(), "delivered but not acknowledged");
        fanout.ack(batch.subList(0, 1));
        assertEquals(1, fanout.backlog());
        fanout.ack(batch.subList(1, 2));
        assertEquals(0, fanout.backlog());
        assertEquals(2, stream.subscribe("index").backlog(), "the other group is independent");
    }

    @Test
    void pollingAnEmptyStreamReturnsNothing() throws InterruptedException {
        assertTrue(stream.subscribe("fanout").poll(10, Duration.ofMillis(1)).isEmpty());
    }

    @Test
    void eventsKeepEveryField() throws InterruptedException {
        PostPublished unicode = new PostPublished(new Post(42, 9, "multi\nline ünïcødé 🚀 = & ; text", 123), 456);
        stream.publish(unicode);
        assertEquals(List.of(unicode), drain(stream.subscribe("fanout"), 1));
    }

    @Test
    void anUnknownGroupIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> stream.subscribe("nobody"));
    }
}
