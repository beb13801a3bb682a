package loadlab.service.seed;

/**
 * The load parameters of the seeded data set, the seed's "describe load" for a social network.
 *
 * @param users            number of accounts, 0 to 10,000,000 (0 = seed nothing)
 * @param followsPerUser   mean number of accounts each user follows (each user follows 1 to 2×mean−1, uniformly)
 * @param followerExponent Zipf exponent s of popularity: the account of rank r is chosen as a followee
 *                         with probability proportional to r^-s, so a few accounts get very many
 *                         followers; 0 is uniform, 1 is classic Zipf, larger is more skewed
 * @param postsPerUser     posts each user has made before the service starts
 * @param seed             makes the data set reproducible
 */
public record SeedSpec(int users, int followsPerUser, double followerExponent, int postsPerUser, long seed) {
    public SeedSpec {
        if (users < 0 || users > 10_000_000) throw new IllegalArgumentException("--users must be between 0 and 10000000, got " + users);
        if (followsPerUser < 1) throw new IllegalArgumentException("--follows-per-user must be at least 1, got " + followsPerUser);
        if (!(followerExponent >= 0 && followerExponent <= 5)) {
            throw new IllegalArgumentException("--follower-exponent must be between 0 and 5, got " + followerExponent);
        }
        if (postsPerUser < 0 || postsPerUser > 10_000) throw new IllegalArgumentException("--posts-per-user must be between 0 and 10000, got " + postsPerUser);
    }

    public static SeedSpec defaults() {
        return new SeedSpec(10_000, 10, 1.0, 5, 42);
    }

    public SeedSpec withUsers(int n) {
        return new SeedSpec(n, followsPerUser, followerExponent, postsPerUser, seed);
    }
}
