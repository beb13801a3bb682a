package loadlab.service.model;

/**
 * One line of a home timeline: which post, and by whom. The author travels with the id so a
 * timeline can be filtered by author without asking the system of record.
 */
public record TimelineEntry(long postId, long author) {
    public TimelineEntry {
        if (postId <= 0) throw new IllegalArgumentException("post id must be positive: " + postId);
    }
}
