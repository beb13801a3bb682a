package loadlab.service.timeline;

import java.util.List;
import java.util.function.LongSupplier;

import loadlab.service.Blocks;
import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.model.Post;
import loadlab.service.model.TimelineEvent.FollowChanged;
import loadlab.service.model.TimelineEvent.PostPublished;
import loadlab.service.model.User;
import loadlab.service.verify.ConvergenceTracker;

/**
 * Writes: the system of record first (a write is acknowledged only once it is durable there), then
 * an event for the asynchronous consumers that maintain the derived data.
 */
public final class WritePath {
    private final Blocks blocks;
    private final EventOutbox outbox;
    private final ConvergenceTracker tracker;
    private final LongSupplier clockMicros;

    public WritePath(Blocks blocks, EventOutbox outbox, ConvergenceTracker tracker, LongSupplier clockMicros) {
        this.blocks = blocks;
        this.outbox = outbox;
        this.tracker = tracker;
        this.clockMicros = clockMicros;
    }

    public User createUser(String name) {
        return blocks.store().createUser(name);
    }

    /** @return true when the follow is new */
    public boolean follow(long follower, long followee) {
        return changeFollow(follower, followee, true);
    }

    /** @return true when a follow was removed */
    public boolean unfollow(long follower, long followee) {
        return changeFollow(follower, followee, false);
    }

    private boolean changeFollow(long follower, long followee, boolean following) {
        requireUser(follower);
        requireUser(followee);
        boolean changed = following ? blocks.store().follow(follower, followee) : blocks.store().unfollow(follower, followee);
        if (changed) outbox.publish(new FollowChanged(follower, followee, following, clockMicros.getAsLong()));
        return changed;
    }

    public Post post(long author, String text) {
        requireUser(author);
        Post post = blocks.store().insertPost(author, text, clockMicros.getAsLong());
        long acknowledged = clockMicros.getAsLong();
        tracker.acknowledged(post.id(), acknowledged);
        try {
            blocks.cache().putPosts(List.of(post));
        } catch (BlockUnavailableException cacheDown) {
            // hydration falls back to the system of record
        }
        outbox.publish(new PostPublished(post, acknowledged));
        return post;
    }

    public User requireUser(long id) {
        return blocks.store().user(id).orElseThrow(() -> new UnknownUserException(id));
    }
}
