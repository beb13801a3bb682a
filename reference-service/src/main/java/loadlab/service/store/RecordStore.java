package loadlab.service.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;
import loadlab.service.model.User;

/**
 * The system of record: the one place where users, follows and posts are authoritative. Everything
 * else (timeline cache, search index) is derived from it and can be rebuilt from it. A method that
 * returns has made its write durable (committed); failures surface as
 * {@link loadlab.service.fault.BlockUnavailableException}.
 *
 * <p>Pages are newest first: {@code before} is an exclusive upper bound on post ids
 * ({@link Long#MAX_VALUE} for the first page).
 */
public interface RecordStore extends AutoCloseable {

    User createUser(String name);

    Optional<User> user(long id);

    /** @return true when the follow is new */
    boolean follow(long follower, long followee);

    /** @return true when a follow was removed */
    boolean unfollow(long follower, long followee);

    /** Stores a post durably and returns it with its id and creation time. */
    Post insertPost(long author, String text, long createdMicros);

    /** The posts with these ids that exist, by id. */
    Map<Long, Post> posts(Collection<Long> ids);

    List<TimelineEntry> postsByAuthor(long author, long before, int limit);

    /** Newest posts by any of the authors: the celebrity half of a hybrid read. */
    List<TimelineEntry> postsByAuthors(Collection<Long> authors, long before, int limit);

    /** Fan-out on read: the newest posts of everyone {@code user} follows. */
    List<TimelineEntry> homeTimeline(long user, long before, int limit);

    long[] followers(long user);

    long[] followees(long user);

    int followerCount(long user);

    /** Accounts with more than {@code threshold} followers. */
    long[] accountsWithFollowersAbove(int threshold);

    long userCount();

    long postCount();

    // batch paths: seeding and rebuilds

    /** Batch path: inserts users with the given ids (dense from firstId) and names, committing in batches. */
    void insertUsers(long firstId, List<String> names);

    /** Batch path: inserts follow edges as pairs (followers[i], followees[i]), committing in batches. */
    void insertFollows(long[] followers, long[] followees);

    /** Batch path: inserts posts keeping their ids, committing in batches. */
    void insertPosts(List<Post> posts);

    /** Streams every post in ascending id order. */
    void scanPosts(Consumer<Post> sink);

    /** Streams every follow edge as (follower, followee). */
    void scanFollows(FollowSink sink);

    /** Receives follow edges from {@link #scanFollows}. */
    @FunctionalInterface
    interface FollowSink {
        void accept(long follower, long followee);
    }

    @Override
    void close();
}
