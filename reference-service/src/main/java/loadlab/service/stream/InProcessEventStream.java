package loadlab.service.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import loadlab.service.model.TimelineEvent;

/**
 * The embedded stream: one in-memory queue per consumer group. Events live as long as the
 * process; an unacknowledged batch stays counted in the backlog until its consumer retries it.
 */
public final class InProcessEventStream implements EventStream {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public InProcessEventStream(List<String> groupNames) {
        for (String name : groupNames) groups.put(name, new Group());
    }

    private static final class Group implements Subscription {
        final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
        // counted on both sides of the queue, so there is no moment when an event is in neither
        final AtomicLong published = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();

        void add(Delivery d) {
            published.incrementAndGet();
            queue.add(d);
        }

        @Override
        public List<Delivery> poll(int max, Duration wait) throws InterruptedException {
            Delivery first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (first == null) return List.of();
            List<Delivery> batch = new ArrayList<>(Math.min(max, queue.size() + 1));
            batch.add(first);
            queue.drainTo(batch, max - 1);
            return batch;
        }

        @Override
        public void ack(List<Delivery> done) {
            acknowledged.addAndGet(done.size());
        }

        @Override
        public long backlog() {
            return published.get() - acknowledged.get();
        }
    }

    @Override
    public void publish(TimelineEvent event) {
        String id = Long.toString(sequence.incrementAndGet());
        for (Group g : groups.values()) g.add(new Delivery(id, event));
    }

    @Override
    public Subscription subscribe(String group) {
        Group g = groups.get(group);
        if (g == null) throw new IllegalArgumentException("no consumer group '" + group + "'; known: " + groups.keySet());
        return g;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
