package loadlab.service.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

import loadlab.service.Blocks;
import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;
import loadlab.service.timeline.ReadPath;

/**
 * Checks acknowledged posts against the promise "durable, then eventually in every follower's
 * timeline and in search". Timelines are read the way a client reads them, so the check covers the
 * cache, the fan-out and the read path together. A post older than a follower's whole window is
 * not expected in it.
 */
public final class Verifier {
    private static final int EXAMPLES = 20;

    private final Blocks blocks;
    private final ReadPath reads;
    private final ConvergenceTracker tracker;
    private final LongSupplier pendingEvents;

    public Verifier(Blocks blocks, ReadPath reads, ConvergenceTracker tracker, LongSupplier pendingEvents) {
        this.blocks = blocks;
        this.reads = reads;
        this.tracker = tracker;
        this.pendingEvents = pendingEvents;
    }

    /** @param limit how many of the newest acknowledged posts to check; negative for all */
    public VerificationReport verify(int limit) {
        long[] ids = tracker.acknowledgedIds(limit);
        List<Long> idList = new ArrayList<>(ids.length);
        for (long id : ids) idList.add(id);
        Map<Long, Post> stored = new HashMap<>();
        for (int from = 0; from < idList.size(); from += 1_000) {
            stored.putAll(blocks.store().posts(idList.subList(from, Math.min(idList.size(), from + 1_000))));
        }
        List<Long> missingFromStore = new ArrayList<>();
        List<Long> missingFromSearch = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        long missingFromTimelines = 0;
        Set<Long> missingAnywhere = new HashSet<>();
        int window = blocks.cache().window();
        Map<Long, long[]> followersOf = new HashMap<>();
        Map<Long, List<TimelineEntry>> windows = new HashMap<>();
        for (long id : ids) {
            Post post = stored.get(id);
            if (post == null) {
                missingFromStore.add(id);
                missingAnywhere.add(id);
                continue;
            }
            if (!searchable(id)) {
                missingFromSearch.add(id);
                missingAnywhere.add(id);
            }
            for (long follower : followersOf.computeIfAbsent(post.author(), a -> blocks.store().followers(a))) {
                List<TimelineEntry> timeline = windows.computeIfAbsent(follower, f -> reads.home(f, Long.MAX_VALUE, window));
                if (!contains(timeline, id, window)) {
                    missingFromTimelines++;
                    missingAnywhere.add(id);
                    if (examples.size() < EXAMPLES) examples.add(id + ":" + follower);
                }
            }
        }
        long pending = pendingEvents.getAsLong();
        Histogram lag = tracker.lagSnapshot();
        boolean converged = missingFromStore.isEmpty() && missingFromSearch.isEmpty() && missingFromTimelines == 0 && pending == 0;
        return new VerificationReport(tracker.acknowledgedCount(), ids.length, missingFromStore, missingFromTimelines, examples,
                missingFromSearch, missingAnywhere.size(), pending, converged,
                new VerificationReport.Lag(lag.getTotalCount(), lag.getValueAtPercentile(50), lag.getValueAtPercentile(99), lag.getMaxValue()),
                tracker.oldestPendingMicros());
    }

    /** An index that cannot answer cannot confirm the post: it counts as missing, and the report still comes back. */
    private boolean searchable(long id) {
        try {
            return blocks.index().contains(id);
        } catch (BlockUnavailableException indexDown) {
            return false;
        }
    }

    private static boolean contains(List<TimelineEntry> newestFirst, long id, int window) {
        for (TimelineEntry e : newestFirst) if (e.postId() == id) return true;
        return newestFirst.size() >= window && id < newestFirst.get(newestFirst.size() - 1).postId();
    }
}
