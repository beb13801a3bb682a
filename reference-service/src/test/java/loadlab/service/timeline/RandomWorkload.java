package loadlab.service.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import loadlab.service.model.Post;

/**
 * A reproducible random history of a small social network (users, skewed follows, unfollows,
 * posts) and the model of what every home timeline must then hold: the followees' posts, newest
 * first. Small and dense on purpose, so celebrity thresholds and timeline windows are crossed often.
 */
final class RandomWorkload {
    static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};

    sealed interface Op permits Follow, Unfollow, Publish {}

    record Follow(long follower, long followee) implements Op {}

    record Unfollow(long follower, long followee) implements Op {}

    record Publish(long author, String text) implements Op {}

    final int users;
    final List<Op> ops = new ArrayList<>();

    RandomWorkload(long seed, int users, int steps) {
        this.users = users;
        SplittableRandom random = new SplittableRandom(seed);
        Set<List<Long>> edges = new HashSet<>();
        for (int i = 0; i < steps; i++) {
            int dice = random.nextInt(100);
            if (dice < 45) {
                long follower = 1 + random.nextInt(users);
                long followee = random.nextInt(3) == 0 ? 1 + random.nextInt(users) : 1 + random.nextInt(3); // 1..3 are popular
                if (follower == followee) continue;
                edges.add(List.of(follower, followee));
                ops.add(new Follow(follower, followee));
            } else if (dice < 60 && !edges.isEmpty()) {
                List<List<Long>> all = new ArrayList<>(edges);
                all.sort((a, b) -> a.get(0).equals(b.get(0)) ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
                List<Long> edge = all.get(random.nextInt(all.size()));
                edges.remove(edge);
                ops.add(new Unfollow(edge.get(0), edge.get(1)));
            } else {
                ops.add(new Publish(1 + random.nextInt(users),
                        WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " post " + i));
            }
        }
    }

    /** Applies the history through the write path and returns the expected timelines, by user. */
    Map<Long, List<Long>> applyTo(WritePath writes) {
        for (int i = 1; i <= users; i++) {
            long id = writes.createUser("user" + i).id();
            if (id != i) throw new IllegalStateException("expected a fresh store; user " + i + " got id " + id);
        }
        Map<Long, Set<Long>> following = new HashMap<>();
        Map<Long, List<Long>> postsBy = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Follow f) {
                writes.follow(f.follower(), f.followee());
                following.computeIfAbsent(f.follower(), k -> new HashSet<>()).add(f.followee());
            } else if (op instanceof Unfollow u) {
                writes.unfollow(u.follower(), u.followee());
                following.computeIfAbsent(u.follower(), k -> new HashSet<>()).remove(u.followee());
            } else if (op instanceof Publish p) {
                Post post = writes.post(p.author(), p.text());
                postsBy.computeIfAbsent(p.author(), k -> new ArrayList<>()).add(post.id());
            }
        }
        Map<Long, List<Long>> expected = new HashMap<>();
        for (long u = 1; u <= users; u++) {
            TreeSet<Long> ids = new TreeSet<>();
            for (long followee : following.getOrDefault(u, Set.of())) ids.addAll(postsBy.getOrDefault(followee, List.of()));
            expected.put(u, new ArrayList<>(ids.descendingSet()));
        }
        return expected;
    }
}
