package loadlab.service.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import loadlab.service.store.JdbcRecordStore;
import loadlab.service.store.RecordStore;
import loadlab.service.store.StoreLocation;

class SeederTest {

    private static int[] followerCountsSeeded(SeedSpec spec) {
        try (RecordStore store = new JdbcRecordStore(StoreLocation.parse("h2:mem"), 2)) {
            Seeder.Report report = new Seeder().seed(store, spec, 1_000_000_000L);
            assertEquals(spec.users(), report.users());
            assertEquals((long) spec.users() * spec.postsPerUser(), store.postCount());
            int[] counts = new int[spec.users()];
            for (int u = 1; u <= spec.users(); u++) counts[u - 1] = store.followerCount(u);
            return counts;
        }
    }

    @Test
    void theSameSeedGivesTheSameDataSet() {
        SeedSpec spec = new SeedSpec(300, 10, 1.0, 2, 7);
        assertArrayEquals(followerCountsSeeded(spec), followerCountsSeeded(spec));
    }

    @Test
    void followersFollowAPowerLawWithAFewVeryPopularAccounts() {
        int[] counts = followerCountsSeeded(new SeedSpec(2_000, 10, 1.0, 0, 1));
        Arrays.sort(counts);
        double mean = Arrays.stream(counts).average().orElseThrow();
        int top = counts[counts.length - 1];
        int median = counts[counts.length / 2];
        assertTrue(mean > 9 && mean < 11, "mean follows per user ~10, got " + mean);
        assertTrue(top > 50 * mean, "the most followed account is a celebrity: top " + top + " vs mean " + mean);
        assertTrue(median < mean, "most accounts have fewer followers than the mean: median " + median);
    }

    @Test
    void aLargerExponentConcentratesFollowersOnFewerAccounts() {
        int[] gentle = followerCountsSeeded(new SeedSpec(1_000, 10, 0.5, 0, 3));
        int[] steep = followerCountsSeeded(new SeedSpec(1_000, 10, 1.5, 0, 3));
        assertTrue(Arrays.stream(steep).max().orElseThrow() > 2 * Arrays.stream(gentle).max().orElseThrow());
    }

    @Test
    void aStoreThatAlreadyHasUsersIsLeftAlone() {
        try (RecordStore store = new JdbcRecordStore(StoreLocation.parse("h2:mem"), 2)) {
            store.createUser("existing");
            Seeder.Report report = new Seeder().seed(store, new SeedSpec(100, 5, 1.0, 1, 1), 0);
            assertEquals(0, report.users());
            assertEquals(1, report.existingUsers());
            assertEquals(1, store.userCount());
        }
    }
}
