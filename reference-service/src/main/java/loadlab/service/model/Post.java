package loadlab.service.model;

/**
 * A post as the system of record holds it. Post ids grow with time, so "newest first" is
 * "highest id first" in every building block, which makes timelines comparable across strategies.
 *
 * @param createdMicros wall-clock time of acknowledgement, microseconds since the epoch
 */
public record Post(long id, long author, String text, long createdMicros) {
    public Post {
        if (id <= 0) throw new IllegalArgumentException("post id must be positive: " + id);
        if (text == null) throw new IllegalArgumentException("post text must not be null");
    }

    public TimelineEntry entry() {
        return new TimelineEntry(id, author);
    }
}
