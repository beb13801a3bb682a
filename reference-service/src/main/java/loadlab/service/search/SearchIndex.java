package loadlab.service.search;

import java.util.List;
import java.util.function.Consumer;

import loadlab.service.model.Post;

/**
 * The full-text search index over posts: derived data, fed asynchronously from the stream of new
 * posts and rebuildable from the system of record. Adding a post twice keeps one copy.
 */
public interface SearchIndex extends AutoCloseable {

    /** Adds or replaces posts; visible to {@link #search} after the next {@link #refresh()}. */
    void add(List<Post> posts);

    /** Makes everything added so far searchable. */
    void refresh();

    /** Ids of posts containing every word of the query, newest first. */
    List<Long> search(String query, int limit);

    boolean contains(long postId);

    long size();

    /** Batch path: builds a fresh index from every post the feeder supplies, then swaps it in whole. */
    void rebuild(Consumer<Consumer<Post>> feeder);

    @Override
    void close();
}
