package loadlab.service.stream;

import java.time.Duration;
import java.util.List;

import loadlab.service.model.TimelineEvent;

/**
 * The stream of writes that the write path hands to asynchronous consumers ("send a message to
 * another process, to be handled asynchronously"). Each consumer group named at construction gets
 * every event, in publication order, until it acknowledges it; an unacknowledged event is delivered
 * again to the group's next poll after a restart, so consumers must be idempotent.
 */
public interface EventStream extends AutoCloseable {

    /** Appends the event for every group; when this returns the stream holds it. */
    void publish(TimelineEvent event);

    /** The consuming side of one group. One consumer per group. */
    Subscription subscribe(String group);

    /**
     * The consuming side of one group. {@link #poll} and {@link #ack} throw {@link StreamResetException}
     * when the stream lost its events since the last call (the group has been recreated by then).
     */
    interface Subscription {
        /** Up to {@code max} events, waiting at most {@code wait} for the first; empty when none came. */
        List<Delivery> poll(int max, Duration wait) throws InterruptedException;

        /** Marks events as done: they will not be delivered again. */
        void ack(List<Delivery> done);

        /** Events published to this group and not yet acknowledged. */
        long backlog();
    }

    @Override
    void close();
}
