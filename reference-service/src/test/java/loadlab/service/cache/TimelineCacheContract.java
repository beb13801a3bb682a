package loadlab.service.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;

/** What every timeline cache must do, including the load protocol that keeps concurrent pushes. */
abstract class TimelineCacheContract {
    static final int WINDOW = 5;
    protected TimelineCache cache;

    protected abstract TimelineCache open(int window);

    protected void cleanup() {}

    @BeforeEach
    void openCache() {
        cache = open(WINDOW);
    }

    @AfterEach
    void closeCache() {
        cache.close();
        cleanup();
    }

    private static TimelineEntry e(long id) {
        return new TimelineEntry(id, 100 + id % 3);
    }

    private static List<Long> ids(CachedPage page) {
        return page.entries().stream().map(TimelineEntry::postId).toList();
    }

    private void load(long user, long... ids) {
        long token = cache.beginLoad(user);
        List<TimelineEntry> entries = new ArrayList<>();
        for (long id : ids) entries.add(e(id));
        cache.completeLoad(user, token, entries);
    }

    @Test
    void aTimelineIsNotReadableUntilItsLoadCompletes() {
        assertNull(cache.read(1, Long.MAX_VALUE, 10));
        long token = cache.beginLoad(1);
        assertNull(cache.read(1, Long.MAX_VALUE, 10));
        cache.completeLoad(1, token, List.of(e(3), e(2)));
        assertEquals(List.of(3L, 2L), ids(cache.read(1, Long.MAX_VALUE, 10)));
    }

    @Test
    void postsPushedDuringALoadAreKept() {
        long token = cache.beginLoad(1);
        cache.push(new long[] {1}, e(9));
        cache.completeLoad(1, token, List.of(e(4), e(2)));
        assertEquals(List.of(9L, 4L, 2L), ids(cache.read(1, Long.MAX_VALUE, 10)));
    }

    @Test
    void aLoadOvertakenByAnotherLoadOrAnInvalidationDoesNotComplete() {
        long first = cache.beginLoad(1);
        long second = cache.beginLoad(1);
        cache.completeLoad(1, first, List.of(e(1)));
        assertNull(cache.read(1, Long.MAX_VALUE, 10));
        cache.completeLoad(1, second, List.of(e(2)));
        assertEquals(List.of(2L), ids(cache.read(1, Long.MAX_VALUE, 10)));

        long third = cache.beginLoad(2);
        cache.invalidate(2);
        cache.completeLoad(2, third, List.of(e(5)));
        assertNull(cache.read(2, Long.MAX_VALUE, 10));
    }

    @Test
    void pushesSkipUsersWhoseTimelineIsNotCached() {
        load(1, 1);
        cache.push(new long[] {1, 2}, e(7));
        assertEquals(List.of(7L, 1L), ids(cache.read(1, Long.MAX_VALUE, 10)));
        assertNull(cache.read(2, Long.MAX_VALUE, 10));
    }

    @Test
    void aTimelineKeepsOnlyTheNewestWindowAndSaysWhenItIsFull() {
        load(1, 4, 3, 2, 1);
        assertFalse(cache.read(1, Long.MAX_VALUE, 10).full());
        for (long id = 5; id <= 8; id++) cache.push(new long[] {1}, e(id));
        CachedPage page = cache.read(1, Long.MAX_VALUE, 10);
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L), ids(page));
        assertTrue(page.full());
        cache.push(new long[] {1}, e(2));
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L), ids(cache.read(1, Long.MAX_VALUE, 10)), "older than the window");
    }

    @Test
    void pagesGoNewestFirstBelowTheCursor() {
        load(1, 50, 40, 30, 20, 10);
        assertEquals(List.of(50L, 40L), ids(cache.read(1, Long.MAX_VALUE, 2)));
        assertEquals(List.of(30L, 20L), ids(cache.read(1, 40, 2)));
        assertEquals(List.of(30L, 20L, 10L), ids(cache.read(1, 35, 10)));
        assertEquals(List.of(), ids(cache.read(1, 10, 10)));
    }

    @Test
    void entriesArriveInAnyOrderAndDuplicatesCollapse() {
        load(1);
        for (long id : new long[] {5, 2, 9, 2, 7, 9}) cache.push(new long[] {1}, e(id));
        CachedPage page = cache.read(1, Long.MAX_VALUE, 10);
        assertEquals(List.of(9L, 7L, 5L, 2L), ids(page));
        assertEquals(100 + 9 % 3, page.entries().get(0).author());
    }

    @Test
    void replaceMakesCompleteReadableTimelines() {
        load(1, 1, 2);
        cache.replace(Map.of(1L, List.of(e(30), e(20)), 2L, List.of()));
        assertEquals(List.of(30L, 20L), ids(cache.read(1, Long.MAX_VALUE, 10)));
        assertEquals(List.of(), ids(cache.read(2, Long.MAX_VALUE, 10)));
    }

    @Test
    void postBodiesRoundTripWhateverTheirText() {
        Post p = new Post(11, 3, "line one\nline two: ünïcødé 🚀", 123_456);
        cache.putPosts(List.of(p));
        assertEquals(Map.of(11L, p), cache.posts(List.of(11L, 12L)));
    }

    @Test
    void clearForgetsTimelinesAndPosts() {
        load(1, 1);
        cache.putPosts(List.of(new Post(1, 1, "x", 1)));
        cache.clear();
        assertNull(cache.read(1, Long.MAX_VALUE, 10));
        assertTrue(cache.posts(List.of(1L)).isEmpty());
    }
}
