package loadlab.service.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;

/** The embedded timeline cache: Caffeine, bounded by the number of timelines and of post bodies. */
public final class CaffeineTimelineCache implements TimelineCache {
    private final int window;
    private final Cache<Long, TimelineBuffer> timelines;
    private final Cache<Long, Post> posts;
    private final AtomicLong tokens = new AtomicLong();

    public CaffeineTimelineCache(int window, long maxTimelines, long maxPosts) {
        this.window = window;
        this.timelines = Caffeine.newBuilder().maximumSize(maxTimelines).build();
        this.posts = Caffeine.newBuilder().maximumSize(maxPosts).build();
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public CachedPage read(long user, long before, int limit) {
        TimelineBuffer buffer = timelines.getIfPresent(user);
        if (buffer == null || !buffer.ready()) return null;
        return buffer.page(before, limit);
    }

    @Override
    public long beginLoad(long user) {
        long token = tokens.incrementAndGet();
        timelines.put(user, new TimelineBuffer(window, token));
        return token;
    }

    @Override
    public void completeLoad(long user, long token, List<TimelineEntry> newestFirst) {
        timelines.asMap().computeIfPresent(user, (u, buffer) -> {
            if (buffer.token == token) {
                for (TimelineEntry e : newestFirst) buffer.add(e.postId(), e.author());
                buffer.markReady();
            }
            return buffer;
        });
    }

    @Override
    public void push(long[] users, TimelineEntry entry) {
        for (long user : users) {
            TimelineBuffer buffer = timelines.getIfPresent(user);
            if (buffer != null) buffer.add(entry.postId(), entry.author());
        }
    }

    @Override
    public void invalidate(long user) {
        timelines.invalidate(user);
    }

    @Override
    public void replace(Map<Long, List<TimelineEntry>> replacements) {
        replacements.forEach((user, entries) -> {
            TimelineBuffer buffer = new TimelineBuffer(window, tokens.incrementAndGet());
            for (TimelineEntry e : entries) buffer.add(e.postId(), e.author());
            buffer.markReady();
            timelines.put(user, buffer);
        });
    }

    @Override
    public Map<Long, Post> posts(Collection<Long> ids) {
        return posts.getAllPresent(ids);
    }

    @Override
    public void putPosts(Collection<Post> bodies) {
        for (Post p : bodies) posts.put(p.id(), p);
    }

    @Override
    public void clear() {
        timelines.invalidateAll();
        posts.invalidateAll();
    }

    @Override
    public void close() {
        clear();
    }
}
