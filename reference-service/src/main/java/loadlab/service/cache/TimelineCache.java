package loadlab.service.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;

/**
 * The timeline cache: each user's newest {@link #window()} home-timeline entries, and post bodies
 * for hydrating them. It holds only derived data, so a miss is answered from the system of record.
 *
 * <p>Keeping it in sync while readers load and the fan-out worker pushes concurrently is the
 * seed's "application code keeps the cache in sync" problem; the protocol is:
 * <ol>
 *   <li>a reader that misses calls {@link #beginLoad}, which replaces the user's timeline with an
 *       empty, not yet readable one that already accepts pushes;</li>
 *   <li>it reads the system of record, then calls {@link #completeLoad} with the token, which merges
 *       what it read into whatever was pushed meanwhile and makes the timeline readable;</li>
 *   <li>{@link #push} adds to timelines that are cached (loading or readable) and skips the rest,
 *       since they will be loaded whole when next read.</li>
 * </ol>
 * A post committed before a load starts is in what the load reads; one committed after it is pushed
 * into the loading timeline. Neither is lost.
 */
public interface TimelineCache extends AutoCloseable {

    /** How many newest entries a cached timeline keeps. */
    int window();

    /** A newest-first page of ids below {@code before}, or null when not cached or still loading. */
    CachedPage read(long user, long before, int limit);

    /** Starts a load of {@code user}'s timeline; returns the token that {@link #completeLoad} needs. */
    long beginLoad(long user);

    /** Finishes the load started with {@code token}; does nothing if another load or an invalidation replaced it. */
    void completeLoad(long user, long token, List<TimelineEntry> newestFirst);

    /** Adds an entry to each of these users' timelines that is cached; idempotent. */
    void push(long[] users, TimelineEntry entry);

    /** Drops the user's timeline; the next read loads it again. */
    void invalidate(long user);

    /** Batch path: replaces the given users' timelines with these complete, readable ones. */
    void replace(Map<Long, List<TimelineEntry>> timelines);

    /** The cached post bodies among {@code ids}. */
    Map<Long, Post> posts(Collection<Long> ids);

    void putPosts(Collection<Post> posts);

    /** Forgets everything. */
    void clear();

    @Override
    void close();
}
