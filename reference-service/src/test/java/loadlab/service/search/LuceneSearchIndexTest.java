package loadlab.service.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import loadlab.service.model.Post;

class LuceneSearchIndexTest {
    private final LuceneSearchIndex index = new LuceneSearchIndex();

    @AfterEach
    void close() {
        index.close();
    }

    private static Post p(long id, String text) {
        return new Post(id, 1, text, id);
    }

    @Test
    void findsPostsContainingEveryWordNewestFirstOnceRefreshed() {
        index.add(List.of(p(1, "red apple pie"), p(2, "green apple"), p(3, "Red APPLES and apple juice"), p(4, "banana")));
        assertTrue(index.search("apple", 10).isEmpty(), "not visible before refresh");
        index.refresh();
        assertEquals(List.of(3L, 2L, 1L), index.search("apple", 10));
        assertEquals(List.of(3L, 1L), index.search("RED apple", 10));
        assertEquals(List.of(3L), index.search("apple", 1));
        assertTrue(index.search("cherry", 10).isEmpty());
    }

    @Test
    void queriesAreWordsNotSyntaxSoAnyInputIsSafe() {
        index.add(List.of(p(1, "hello world")));
        index.refresh();
        assertEquals(List.of(1L), index.search("hello (world", 10), "punctuation is not syntax");
        assertTrue(index.search("hello AND (world OR \"", 10).isEmpty(), "AND and OR are words the post lacks");
        assertTrue(index.search("*:* ~ ^ [", 10).isEmpty());
        assertTrue(index.search("   ", 10).isEmpty());
    }

    @Test
    void addingAPostAgainKeepsOneCopy() {
        index.add(List.of(p(1, "alpha")));
        index.add(List.of(p(1, "alpha")));
        index.refresh();
        assertEquals(1, index.size());
        assertTrue(index.contains(1));
        assertFalse(index.contains(2));
    }

    @Test
    void aRebuildReplacesTheIndexWithWhatTheFeederSupplies() {
        index.add(List.of(p(1, "stale")));
        index.refresh();
        index.rebuild(sink -> {
            sink.accept(p(2, "fresh one"));
            sink.accept(p(3, "fresh two"));
        });
        assertEquals(List.of(3L, 2L), index.search("fresh", 10));
        assertFalse(index.contains(1));
        assertEquals(2, index.size());
    }
}
