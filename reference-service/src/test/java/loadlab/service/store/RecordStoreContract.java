package loadlab.service.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;
import loadlab.service.model.User;

/** What every system of record must do; one small subclass per backend. */
abstract class RecordStoreContract {
    protected RecordStore store;

    protected abstract RecordStore open();

    protected void cleanup() {}

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
        cleanup();
    }

    private long[] users(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = store.createUser("u" + i).id();
        return ids;
    }

    @Test
    void createdUsersReadBackAndUnknownOnesAreAbsent() {
        User alice = store.createUser("alice");
        assertEquals(alice, store.user(alice.id()).orElseThrow());
        assertTrue(store.user(alice.id() + 1000).isEmpty());
        assertEquals(1, store.userCount());
    }

    @Test
    void followIsIdempotentAndUnfollowRemovesIt() {
        long[] u = users(2);
        assertTrue(store.follow(u[0], u[1]));
        assertFalse(store.follow(u[0], u[1]));
        assertArrayEquals(new long[] {u[0]}, store.followers(u[1]));
        assertArrayEquals(new long[] {u[1]}, store.followees(u[0]));
        assertTrue(store.unfollow(u[0], u[1]));
        assertFalse(store.unfollow(u[0], u[1]));
        assertEquals(0, store.followerCount(u[1]));
    }

    @Test
    void postIdsGrowAndPostsReadBackWithTheirText() {
        long author = users(1)[0];
        Post first = store.insertPost(author, "first post", 1_000);
        Post second = store.insertPost(author, "second: ünïcødé\nand a newline", 2_000);
        assertTrue(second.id() > first.id());
        assertEquals(second, store.posts(List.of(second.id(), 999_999L)).get(second.id()));
        assertEquals(1, store.posts(List.of(second.id(), 999_999L)).size());
        assertEquals(2, store.postCount());
    }

    @Test
    void homeTimelineHoldsOnlyFolloweesPostsNewestFirstAndPages() {
        long[] u = users(3);
        store.follow(u[0], u[1]);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, store.insertPost(u[1], "followed " + i, i).id());
            store.insertPost(u[2], "not followed " + i, i);
            store.insertPost(u[0], "own " + i, i);
        }
        assertEquals(expected, ids(store.homeTimeline(u[0], Long.MAX_VALUE, 10)));
        assertEquals(expected.subList(0, 2), ids(store.homeTimeline(u[0], Long.MAX_VALUE, 2)));
        assertEquals(expected.subList(2, 4), ids(store.homeTimeline(u[0], expected.get(1), 2)));
        assertTrue(store.homeTimeline(u[1], Long.MAX_VALUE, 10).isEmpty());
        for (TimelineEntry e : store.homeTimeline(u[0], Long.MAX_VALUE, 10)) assertEquals(u[1], e.author());
    }

    @Test
    void postsByAuthorsMergesTheirPostsNewestFirst() {
        long[] u = users(3);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            expected.add(0, store.insertPost(u[0], "a" + i, i).id());
            expected.add(0, store.insertPost(u[1], "b" + i, i).id());
            store.insertPost(u[2], "c" + i, i);
        }
        assertEquals(expected.subList(0, 5), ids(store.postsByAuthors(List.of(u[0], u[1]), Long.MAX_VALUE, 5)));
        assertEquals(List.of(expected.get(1), expected.get(3)), ids(store.postsByAuthor(u[0], Long.MAX_VALUE, 2)));
        assertTrue(store.postsByAuthors(List.of(), Long.MAX_VALUE, 5).isEmpty());
    }

    @Test
    void accountsAboveAFollowerThresholdAreFound() {
        long[] u = users(5);
        for (int i = 1; i < 5; i++) store.follow(u[i], u[0]);
        store.follow(u[0], u[1]);
        store.follow(u[2], u[1]);
        assertEquals(4, store.followerCount(u[0]));
        assertArrayEquals(new long[] {u[0]}, store.accountsWithFollowersAbove(2));
        long[] both = store.accountsWithFollowersAbove(1);
        Arrays.sort(both);
        assertArrayEquals(new long[] {u[0], u[1]}, both);
    }

    @Test
    void bulkInsertsKeepTheirIdsAndLaterInsertsContinueAfterThem() {
        store.insertUsers(1, List.of("a", "b", "c"));
        store.insertFollows(new long[] {1, 2}, new long[] {3, 3});
        store.insertPosts(List.of(new Post(1, 3, "x", 10), new Post(2, 3, "y", 20)));
        assertEquals(4, store.createUser("d").id());
        assertEquals(3, store.insertPost(1, "z", 30).id());
        List<Post> scanned = new ArrayList<>();
        store.scanPosts(scanned::add);
        assertEquals(List.of(1L, 2L, 3L), scanned.stream().map(Post::id).toList());
        List<String> edges = new ArrayList<>();
        store.scanFollows((follower, followee) -> edges.add(follower + "->" + followee));
        assertEquals(Set.of("1->3", "2->3"), Set.copyOf(edges));
    }

    private static List<Long> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::postId).toList();
    }
}
