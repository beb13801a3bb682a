package loadlab.service.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import loadlab.service.Blocks;
import loadlab.service.cache.CachedPage;
import loadlab.service.fault.Block;
import loadlab.service.timing.ServerTiming;
import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;

/**
 * Reading home timelines under the chosen strategy. Every strategy returns the same entries for
 * the same data once fan-out has caught up: the cache is only ever a faster way to the answer the
 * system of record gives. A miss loads the user's window (cache-aside); a page beyond the window, or
 * a cache that is down, is answered by fan-out on read.
 *
 * <p>With a read fan-out of K, a cached read asks K shards of the cache in parallel, as a timeline
 * partitioned over K cache nodes would be read: shard s gives the page's entries whose post id is s
 * modulo K, and the request waits for the slowest. The entries are the same as one call's; what
 * changes is the tail: a 1-in-100 slow cache call makes about 15% of 16-shard reads slow (Dean and
 * Barroso, "The Tail at Scale"). Hedged ({@link ReadFanout#hedgeAfter}), the shards still
 * outstanding after the chosen percentile of recent shard calls are asked again and the first answer
 * of each wins; {@code Server-Timing} says how many were ({@code hedge;desc=N}).
 */
public final class ReadPath {
    private final Blocks blocks;
    private final TimelineStrategy strategy;
    private final CelebritySet celebrities;
    private final Counter hits;
    private final Counter misses;
    private final Counter fallbacks;
    private final int fanout;
    private final ExecutorService shards;
    private final ShardHedge hedge;
    private final Counter hedges;

    public ReadPath(Blocks blocks, TimelineStrategy strategy, CelebritySet celebrities, MeterRegistry registry) {
        this(blocks, strategy, celebrities, registry, ReadFanout.NONE);
    }

    public ReadPath(Blocks blocks, TimelineStrategy strategy, CelebritySet celebrities, MeterRegistry registry, ReadFanout readFanout) {
        this.fanout = readFanout.shards();
        this.hedge = readFanout.hedged() ? new ShardHedge(readFanout.hedgeAfter()) : null;
        this.hedges = Counter.builder("timeline.shard.hedges").description("Shard calls asked a second time because the first was slow")
                .register(registry);
        this.shards = fanout <= 1 ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "timeline-shard-read");
            t.setDaemon(true);
            return t;
        });
        this.blocks = blocks;
        this.strategy = strategy;
        this.celebrities = celebrities;
        this.hits = Counter.builder("timeline.cache.requests").tag("result", "hit").register(registry);
        this.misses = Counter.builder("timeline.cache.requests").tag("result", "miss").register(registry);
        this.fallbacks = Counter.builder("timeline.cache.requests").tag("result", "unavailable").register(registry);
        Gauge.builder("timeline.cache.hit.ratio", this, ReadPath::hitRatio)
                .description("Share of cached-timeline reads answered by the cache since start").register(registry);
    }

    public double hitRatio() {
        double h = hits.count();
        double total = h + misses.count() + fallbacks.count();
        return total == 0 ? 0 : h / total;
    }

    /** Newest-first entries of {@code user}'s home timeline with ids below {@code before}. */
    public List<TimelineEntry> home(long user, long before, int limit) {
        if (!strategy.usesTimelineCache()) return blocks.store().homeTimeline(user, before, limit);
        CachedPage page;
        try {
            page = fanout <= 1 ? blocks.cache().read(user, before, limit) : readShards(user, before, limit);
            if (page == null) {
                misses.increment();
                page = load(user, before, limit);
            } else {
                hits.increment();
            }
        } catch (BlockUnavailableException cacheDown) {
            if (cacheDown.block() != Block.CACHE) throw cacheDown;
            fallbacks.increment();
            return blocks.store().homeTimeline(user, before, limit);
        }
        if (page.entries().size() < limit && page.full()) {
            return blocks.store().homeTimeline(user, before, limit); // beyond the cached window
        }
        if (strategy == TimelineStrategy.HYBRID) return mergeCelebrities(user, page.entries(), before, limit);
        return page.entries();
    }

    /** The page from {@link #fanout} shards asked at once; null (a miss) when any shard misses. */
    private CachedPage readShards(long user, long before, int limit) {
        ServerTiming timing = ServerTiming.current();
        ServerTiming.fanout(fanout);
        List<CompletableFuture<CachedPage>> asked = new ArrayList<>(fanout);
        for (int s = 0; s < fanout; s++) asked.add(ask(timing, user, before, limit, s));
        if (hedge != null) hedgeSlowShards(asked, timing, user, before, limit);
        TreeMap<Long, TimelineEntry> merged = new TreeMap<>();
        boolean full = false;
        boolean miss = false;
        for (Future<CachedPage> f : asked) {
            CachedPage p = await(f);
            if (p == null) {
                miss = true;
                continue;
            }
            full |= p.full();
            for (TimelineEntry e : p.entries()) merged.put(e.postId(), e);
        }
        if (miss) return null;
        return new CachedPage(new ArrayList<>(merged.descendingMap().values()), full);
    }

    private CompletableFuture<CachedPage> ask(ServerTiming timing, long user, long before, int limit, int shard) {
        return CompletableFuture.supplyAsync(() -> ServerTiming.attach(timing, () -> {
            long start = System.nanoTime();
            CachedPage page = blocks.cache().read(user, before, limit);
            if (hedge != null) hedge.record(System.nanoTime() - start);
            return shard(page, shard);
        }), shards);
    }

    /** Asks again each shard still outstanding after the hedge delay; the first of its two answers wins. */
    private void hedgeSlowShards(List<CompletableFuture<CachedPage>> asked, ServerTiming timing, long user, long before, int limit) {
        long delay = hedge.delayNanos();
        if (delay == Long.MAX_VALUE) return;
        try {
            CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).get(delay, TimeUnit.NANOSECONDS);
            return;
        } catch (TimeoutException slow) {
            // hedge below
        } catch (ExecutionException failed) {
            return; // the failure is thrown where the answers are read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int hedged = 0;
        for (int s = 0; s < asked.size(); s++) {
            if (asked.get(s).isDone()) continue;
            asked.set(s, asked.get(s).applyToEither(ask(timing, user, before, limit, s), page -> page));
            hedged++;
        }
        hedges.increment(hedged);
        ServerTiming.hedged(hedged);
    }

    private CachedPage shard(CachedPage page, int shard) {
        if (page == null) return null;
        List<TimelineEntry> mine = new ArrayList<>();
        for (TimelineEntry e : page.entries()) if (Math.floorMod(e.postId(), fanout) == shard) mine.add(e);
        return new CachedPage(mine, page.full());
    }

    private static CachedPage await(Future<CachedPage> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlockUnavailableException(Block.CACHE, "interrupted while reading shards");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the shard readers. */
    public void close() {
        if (shards != null) shards.shutdownNow();
    }

    private CachedPage load(long user, long before, int limit) {
        int window = blocks.cache().window();
        long token = blocks.cache().beginLoad(user);
        List<TimelineEntry> loaded = blocks.store().homeTimeline(user, Long.MAX_VALUE, window);
        blocks.cache().completeLoad(user, token, loaded);
        List<TimelineEntry> page = new ArrayList<>(limit);
        for (TimelineEntry e : loaded) {
            if (e.postId() < before && page.size() < limit) page.add(e);
        }
        return new CachedPage(page, loaded.size() >= window);
    }

    private List<TimelineEntry> mergeCelebrities(long user, List<TimelineEntry> cached, long before, int limit) {
        if (celebrities.size() == 0) return cached;
        List<Long> followed = new ArrayList<>();
        for (long followee : blocks.store().followees(user)) {
            if (celebrities.contains(followee)) followed.add(followee);
        }
        if (followed.isEmpty()) return cached;
        TreeMap<Long, TimelineEntry> merged = new TreeMap<>();
        for (TimelineEntry e : cached) merged.put(e.postId(), e);
        for (TimelineEntry e : blocks.store().postsByAuthors(followed, before, limit)) merged.put(e.postId(), e);
        List<TimelineEntry> out = new ArrayList<>(limit);
        for (TimelineEntry e : merged.descendingMap().values()) {
            if (out.size() == limit) break;
            out.add(e);
        }
        return out;
    }

    /** The posts behind entries, in the same order: post bodies from the cache, the rest from the system of record. */
    public List<Post> hydrate(List<TimelineEntry> entries) {
        Set<Long> ids = new HashSet<>();
        for (TimelineEntry e : entries) ids.add(e.postId());
        Map<Long, Post> found = new HashMap<>();
        try {
            found.putAll(blocks.cache().posts(ids));
        } catch (BlockUnavailableException cacheDown) {
            // the system of record has them all
        }
        if (found.size() < ids.size()) {
            Collection<Long> missing = new ArrayList<>();
            for (long id : ids) if (!found.containsKey(id)) missing.add(id);
            Map<Long, Post> fromStore = blocks.store().posts(missing);
            found.putAll(fromStore);
            try {
                blocks.cache().putPosts(fromStore.values());
            } catch (BlockUnavailableException cacheDown) {
                // the next read hydrates from the store again
            }
        }
        List<Post> out = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            Post p = found.get(e.postId());
            if (p != null) out.add(p);
        }
        return out;
    }
}
