package loadlab.service.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import loadlab.service.fault.ProcessStall;
import loadlab.service.stream.Delivery;
import loadlab.service.stream.EventStream;
import loadlab.service.stream.StreamResetException;

/**
 * A consumer of one group of the event stream on its own thread: poll a batch, apply it, and only
 * then acknowledge it. A batch that fails (a block is down) is retried with back-off until it
 * applies, so a fault delays derived data but never drops an update (and the worker says so: a
 * WARN when it starts failing, {@link #failure} for health). When the stream lost events, the
 * {@link DerivedDataRepair} rebuilds from the system of record. Handlers must be idempotent.
 */
public abstract class StreamWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWorker.class);
    private static final int BATCH = 256;

    private final String name;
    private final EventStream.Subscription subscription;
    private final WorkerGate gate;
    private final ProcessStall stall;
    private final DerivedDataRepair repair;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long failingSinceNanos;
    private volatile String lastFailure;

    protected StreamWorker(String name, EventStream.Subscription subscription, WorkerGate gate, ProcessStall stall, DerivedDataRepair repair) {
        this.name = name;
        this.subscription = subscription;
        this.gate = gate;
        this.stall = stall;
        this.repair = repair;
        this.thread = new Thread(this::loop, "loadlab-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Applies a batch; throws to have it retried. */
    protected abstract void apply(List<Delivery> batch);

    public long backlog() {
        return subscription.backlog();
    }

    private void loop() {
        long backoffMillis = 10;
        List<Delivery> batch = List.of();
        while (running) {
            try {
                stall.checkpoint();
                if (batch.isEmpty()) batch = subscription.poll(BATCH, Duration.ofMillis(100));
                if (!batch.isEmpty()) {
                    gate.enterWork();
                    try {
                        apply(batch);
                    } finally {
                        gate.exitWork();
                    }
                    subscription.ack(batch);
                    batch = List.of();
                }
                backoffMillis = 10;
                recovered();
                signalProgress();
            } catch (InterruptedException e) {
                return;
            } catch (StreamResetException e) {
                batch = List.of(); // what it held is gone from the stream; the repair covers it
                try {
                    repair.eventsLost(e.generation(), name + ": " + e.getMessage());
                } catch (InterruptedException interrupted) {
                    return;
                }
                signalProgress();
            } catch (RuntimeException e) {
                failed(e);
                LOG.debug("{} will retry after {} ms: {}", thread.getName(), backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis); // back-off while a building block is unavailable
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(1_000, backoffMillis * 2);
                signalProgress();
            }
        }
    }

    private void failed(RuntimeException e) {
        lastFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (failingSinceNanos == 0) {
            failingSinceNanos = System.nanoTime();
            LOG.warn("{} cannot apply events and retries until it can: {}", name, lastFailure);
        }
    }

    private void recovered() {
        long since = failingSinceNanos;
        if (since == 0) return;
        failingSinceNanos = 0;
        LOG.info("{} applies events again after {} ms", name, (System.nanoTime() - since) / 1_000_000);
    }

    /** Why this worker has not been able to apply events for at least {@code atLeastNanos}; empty when it can. */
    public Optional<String> failure(long atLeastNanos) {
        long since = failingSinceNanos;
        if (since == 0) return Optional.empty();
        long nanos = System.nanoTime() - since;
        if (nanos < atLeastNanos) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "%s cannot apply events for %.1f s: %s", name, nanos / 1e9, lastFailure));
    }

    public String name() {
        return name;
    }

    private synchronized void signalProgress() {
        notifyAll();
    }

    /**
     * Waits until everything published so far has been applied and acknowledged.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                long backlog;
                try {
                    backlog = backlog();
                } catch (RuntimeException unavailable) {
                    backlog = 1;
                }
                if (backlog == 0) return true;
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) return false;
                wait(Math.max(1, Math.min(remaining / 1_000_000, 100)));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
