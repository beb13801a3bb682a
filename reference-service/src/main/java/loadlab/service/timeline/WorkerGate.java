package loadlab.service.timeline;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets the batch job hold the stream consumers still while it rebuilds derived data, so no
 * incremental update lands half-way through a rebuild; the consumers catch up from the stream
 * afterwards, idempotently.
 */
public final class WorkerGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    void enterWork() {
        lock.readLock().lock();
    }

    void exitWork() {
        lock.readLock().unlock();
    }

    public void pause() {
        lock.writeLock().lock();
    }

    public void resume() {
        lock.writeLock().unlock();
    }
}
