package loadlab.service.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import loadlab.service.model.Post;
import loadlab.service.store.RecordStore;

/**
 * Fills an empty system of record from a {@link SeedSpec}: users, a power-law follow graph and
 * posts whose ids interleave authors as real traffic would. Writes go in large batches; the derived
 * data (timelines, index) is then built by the batch rebuild, exactly as after a crash.
 */
public final class Seeder {
    private static final int FLUSH = 100_000;

    /** What was seeded; 0 users means the store already had data and was left alone. */
    public record Report(long users, long follows, long posts, long existingUsers, long millis) {}

    public Report seed(RecordStore store, SeedSpec spec, long nowMicros) {
        long started = System.nanoTime();
        long existing = store.userCount();
        if (existing > 0 || spec.users() == 0) return new Report(0, 0, 0, existing, 0);
        SplittableRandom random = new SplittableRandom(spec.seed());
        int n = spec.users();

        List<String> names = new ArrayList<>(Math.min(n, FLUSH));
        for (int id = 1; id <= n; id++) {
            names.add("user" + id);
            if (names.size() == FLUSH) {
                store.insertUsers(id - names.size() + 1, names);
                names.clear();
            }
        }
        if (!names.isEmpty()) store.insertUsers(n - names.size() + 1, names);

        // the two big tables load side by side: each insert is CPU-bound index maintenance
        SplittableRandom postRandom = random.split();
        CompletableFuture<Long> posts = CompletableFuture.supplyAsync(
                () -> seedPosts(store, spec, postRandom, nowMicros), Seeder::worker);
        long follows = seedFollows(store, spec, random);
        return new Report(n, follows, posts.join(), 0, (System.nanoTime() - started) / 1_000_000);
    }

    private long seedFollows(RecordStore store, SeedSpec spec, SplittableRandom random) {
        int n = spec.users();
        // popularity rank r is user id r: user 1 is the most followed, so a client drawing users by
        // the same power law makes the celebrity accounts hot without knowing the data set
        ZipfSampler ranks = new ZipfSampler(n, spec.followerExponent());
        long[] followers = new long[FLUSH];
        long[] followees = new long[FLUSH];
        int buffered = 0;
        long total = 0;
        Set<Integer> chosen = new HashSet<>();
        for (int user = 1; user <= n; user++) {
            int wanted = Math.min(n - 1, 1 + random.nextInt(2 * spec.followsPerUser() - 1));
            chosen.clear();
            int attempts = 0;
            while (chosen.size() < wanted && attempts++ < wanted * 20) {
                int target = 1 + ranks.sample(random);
                if (target != user) chosen.add(target);
            }
            for (int target : chosen) {
                followers[buffered] = user;
                followees[buffered] = target;
                if (++buffered == FLUSH) {
                    store.insertFollows(followers, followees);
                    total += buffered;
                    buffered = 0;
                }
            }
        }
        store.insertFollows(Arrays.copyOf(followers, buffered), Arrays.copyOf(followees, buffered));
        return total + buffered;
    }

    private long seedPosts(RecordStore store, SeedSpec spec, SplittableRandom random, long nowMicros) {
        long total = (long) spec.users() * spec.postsPerUser();
        if (total == 0) return 0;
        TextGenerator text = new TextGenerator(5_000, spec.seed());
        int[] remaining = new int[spec.users() + 1];
        Arrays.fill(remaining, spec.postsPerUser());
        int[] authors = new int[spec.users()];
        for (int i = 0; i < authors.length; i++) authors[i] = i + 1;
        int live = authors.length;
        List<Post> batch = new ArrayList<>(FLUSH);
        long stepMicros = 1_000_000; // one post per second of simulated history, ending now
        for (long id = 1; id <= total; id++) {
            int pick = random.nextInt(live);
            int author = authors[pick];
            if (--remaining[author] == 0) authors[pick] = authors[--live];
            batch.add(new Post(id, author, text.post(random), nowMicros - (total - id) * stepMicros));
            if (batch.size() == FLUSH) {
                store.insertPosts(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) store.insertPosts(batch);
        return total;
    }

    private static void worker(Runnable task) {
        Thread t = new Thread(task, "loadlab-seed-posts");
        t.setDaemon(true);
        t.start();
    }
}
