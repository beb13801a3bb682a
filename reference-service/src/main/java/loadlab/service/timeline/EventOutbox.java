package loadlab.service.timeline;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.model.TimelineEvent;
import loadlab.service.stream.EventStream;

/**
 * Hands events to the stream without making the stream a single point of failure for writes. A
 * write is acknowledged once the system of record has it; if the stream is unavailable the event
 * waits here, in order, and a background thread keeps offering it. The derived data lags but nothing
 * acknowledged is lost while the process lives (the batch rebuild repairs the rest after a crash).
 */
public final class EventOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);

    private final EventStream stream;
    private final Deque<TimelineEvent> waiting = new ArrayDeque<>();
    private final Thread retrier;
    private volatile boolean closed;

    public EventOutbox(EventStream stream) {
        this.stream = stream;
        this.retrier = new Thread(this::retryLoop, "loadlab-outbox");
        this.retrier.setDaemon(true);
        this.retrier.start();
    }

    public void publish(TimelineEvent event) {
        synchronized (this) {
            if (!waiting.isEmpty()) {
                waiting.addLast(event);
                return;
            }
        }
        try {
            stream.publish(event);
        } catch (BlockUnavailableException e) {
            synchronized (this) {
                waiting.addLast(event);
                notifyAll();
            }
        }
    }

    public synchronized int pending() {
        return waiting.size();
    }

    private void retryLoop() {
        long backoffMillis = 10;
        while (!closed) {
            TimelineEvent next;
            synchronized (this) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                next = waiting.peekFirst();
            }
            try {
                stream.publish(next);
                synchronized (this) {
                    waiting.pollFirst();
                }
                if (backoffMillis > 10) LOG.info("the stream accepts events again");
                backoffMillis = 10;
            } catch (BlockUnavailableException e) {
                if (backoffMillis == 10) LOG.warn("the stream does not accept events; they wait here, in order, and are offered again: {}", e.getMessage());
                LOG.debug("stream still unavailable, {} events waiting: {}", pending(), e.getMessage());
                try {
                    Thread.sleep(backoffMillis); // back-off between retries of an unavailable stream
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(1_000, backoffMillis * 2);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        retrier.interrupt();
    }
}
