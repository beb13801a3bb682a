package loadlab.service.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import loadlab.service.Blocks;
import loadlab.service.model.TimelineEntry;

/**
 * The batch job: recomputes every derived datum from the system of record. Timelines come from an
 * in-memory join of all follows with all posts (one pass over each table instead of a query per
 * user), keeping each user's newest window; the search index is built afresh and swapped in. The
 * stream consumers are held still meanwhile and catch up afterwards.
 */
public final class TimelineRebuild {
    private static final int WRITE_CHUNK = 5_000;

    private final Blocks blocks;
    private final TimelineStrategy strategy;
    private final CelebritySet celebrities;
    private final WorkerGate gate;

    public TimelineRebuild(Blocks blocks, TimelineStrategy strategy, CelebritySet celebrities, WorkerGate gate) {
        this.blocks = blocks;
        this.strategy = strategy;
        this.celebrities = celebrities;
        this.gate = gate;
    }

    /** What a rebuild did; times in milliseconds. */
    public record Report(long users, long posts, long timelineEntries, long timelinesMillis, long indexMillis) {}

    public Report run() {
        gate.pause();
        try {
            celebrities.reset(blocks.store().accountsWithFollowersAbove(celebrities.threshold()));
            long t0 = System.nanoTime();
            // the index and the timelines are independent: build them side by side
            CompletableFuture<Long> indexMillis = new CompletableFuture<>();
            Thread indexer = new Thread(() -> {
                try {
                    blocks.index().rebuild(sink -> blocks.store().scanPosts(sink));
                    indexMillis.complete((System.nanoTime() - t0) / 1_000_000);
                } catch (Throwable e) {
                    indexMillis.completeExceptionally(e);
                }
            }, "loadlab-rebuild-index");
            indexer.start();
            long[] counts = strategy.usesTimelineCache() ? rebuildTimelines() : new long[] {blocks.store().userCount(), 0, 0};
            if (!strategy.usesTimelineCache()) blocks.cache().clear();
            long timelinesMillis = (System.nanoTime() - t0) / 1_000_000;
            return new Report(counts[0], counts[1], counts[2], timelinesMillis, join(indexMillis));
        } finally {
            gate.resume();
        }
    }

    private static long join(CompletableFuture<Long> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private long[] rebuildTimelines() {
        int window = blocks.cache().window();
        Map<Long, long[]> followers = followersByFollowee();
        Map<Long, NewestEntries> timelines = new HashMap<>();
        long[] posts = {0};
        blocks.store().scanPosts(post -> {
            posts[0]++;
            long[] fs = followers.get(post.author());
            if (fs == null) return;
            for (long f : fs) timelines.computeIfAbsent(f, k -> new NewestEntries(window)).add(post.id(), post.author());
        });
        blocks.cache().clear();
        long entries = 0;
        Map<Long, List<TimelineEntry>> chunk = new HashMap<>();
        for (Map.Entry<Long, NewestEntries> e : timelines.entrySet()) {
            List<TimelineEntry> list = e.getValue().newestFirst();
            entries += list.size();
            chunk.put(e.getKey(), list);
            if (chunk.size() == WRITE_CHUNK) {
                blocks.cache().replace(chunk);
                chunk = new HashMap<>();
            }
        }
        blocks.cache().replace(chunk);
        return new long[] {timelines.size(), posts[0], entries};
    }

    private Map<Long, long[]> followersByFollowee() {
        Map<Long, long[]> lists = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        blocks.store().scanFollows((follower, followee) -> {
            long[] list = lists.get(followee);
            int n = sizes.getOrDefault(followee, 0);
            if (list == null) {
                list = new long[4];
                lists.put(followee, list);
            } else if (n == list.length) {
                list = Arrays.copyOf(list, n * 2);
                lists.put(followee, list);
            }
            list[n] = follower;
            sizes.put(followee, n + 1);
        });
        lists.replaceAll((followee, list) -> Arrays.copyOf(list, sizes.get(followee)));
        return lists;
    }

    /** A user's newest entries while posts stream past in ascending id order. */
    private static final class NewestEntries {
        private final int window;
        private long[] ids = new long[4];
        private long[] authors = new long[4];
        private int start;
        private int end;

        NewestEntries(int window) {
            this.window = window;
        }

        void add(long id, long author) {
            if (end == ids.length) {
                int size = end - start;
                int capacity = size * 2 > ids.length ? Math.min(ids.length * 2, 2 * window) : ids.length;
                long[] newIds = new long[Math.max(capacity, size + 1)];
                long[] newAuthors = new long[newIds.length];
                System.arraycopy(ids, start, newIds, 0, size);
                System.arraycopy(authors, start, newAuthors, 0, size);
                ids = newIds;
                authors = newAuthors;
                start = 0;
                end = size;
            }
            ids[end] = id;
            authors[end] = author;
            end++;
            if (end - start > window) start++;
        }

        List<TimelineEntry> newestFirst() {
            List<TimelineEntry> out = new ArrayList<>(end - start);
            for (int i = end - 1; i >= start; i--) out.add(new TimelineEntry(ids[i], authors[i]));
            return out;
        }
    }
}
