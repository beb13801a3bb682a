package loadlab.scenarios;

import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Draws 1..n with probability proportional to rank^-exponent, so a few ids are hot: how users
 * of a social network pick whom to read and who posts. Thread-safe (each thread draws from its own
 * random); O(1) per draw with Commons RNG's rejection inversion, the one Zipf sampler loadlab uses.
 */
public final class PowerLaw {
    private final SharedStateDiscreteSampler ranks;

    public PowerLaw(int n, double exponent) {
        if (n < 1) throw new IllegalArgumentException("users must be at least 1");
        ranks = RejectionInversionZipfSampler.of(() -> ThreadLocalRandom.current().nextLong(), n, exponent);
    }

    public long next() {
        return ranks.sample();
    }
}
