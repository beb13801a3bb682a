package loadlab.service.model;

/**
 * What the write path tells its asynchronous consumers. Events carry what a consumer needs, so the
 * fan-out worker and the indexer do not have to ask the system of record again; every consumer's
 * handling is idempotent, so an event delivered twice does no harm.
 */
public sealed interface TimelineEvent permits TimelineEvent.PostPublished, TimelineEvent.FollowChanged {

    /** Wall-clock microseconds when the write was acknowledged; the start of convergence lag. */
    long acknowledgedMicros();

    /** A post was made durable in the system of record. */
    record PostPublished(Post post, long acknowledgedMicros) implements TimelineEvent {}

    /** {@code follower} started ({@code following}) or stopped following {@code followee}. */
    record FollowChanged(long follower, long followee, boolean following, long acknowledgedMicros)
            implements TimelineEvent {}
}
