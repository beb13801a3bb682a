package loadlab.service.timeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts whose posts the hybrid strategy does not fan out: more than {@code threshold}
 * followers. Owned by the fan-out worker, which re-evaluates an account on every follow change, so
 * the set changes in stream order with the timelines it governs.
 */
public final class CelebritySet {
    private final int threshold;
    private final Set<Long> accounts = ConcurrentHashMap.newKeySet();

    public CelebritySet(int threshold) {
        if (threshold < 1) throw new IllegalArgumentException("celebrity threshold must be at least 1");
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public boolean contains(long account) {
        return accounts.contains(account);
    }

    public int size() {
        return accounts.size();
    }

    public void reset(long[] celebrities) {
        accounts.clear();
        for (long a : celebrities) accounts.add(a);
    }

    /**
     * Re-evaluates an account after its follower count changed.
     *
     * @return true when the account stopped being a celebrity, so its recent posts are missing
     *         from its followers' cached timelines
     */
    public boolean update(long account, int followers) {
        if (followers > threshold) {
            accounts.add(account);
            return false;
        }
        return accounts.remove(account);
    }
}
