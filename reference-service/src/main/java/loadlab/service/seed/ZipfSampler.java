package loadlab.service.seed;

import java.util.SplittableRandom;

import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Draws ranks 0..n-1 with probability proportional to (rank+1)^-s, from the caller's seeded
 * random, so a seed gives the same network every time. The sampling itself is Commons RNG's
 * rejection inversion (exact for every positive exponent, O(1) per draw, no table), the one Zipf
 * sampler loadlab uses.
 */
public final class ZipfSampler {
    private final SharedStateDiscreteSampler ranks;

    public ZipfSampler(int n, double exponent) {
        if (n < 1) throw new IllegalArgumentException("need at least one rank");
        ranks = RejectionInversionZipfSampler.of(null, n, exponent);
    }

    public int sample(SplittableRandom random) {
        return ranks.withUniformRandomProvider(random::nextLong).sample() - 1;
    }
}
