package loadlab.service.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ZipfSamplerTest {
    @Test
    void rankFrequenciesFollowTheInversePowerOfTheRank() {
        int n = 100;
        double s = 1.2;
        ZipfSampler sampler = new ZipfSampler(n, s);
        SplittableRandom random = new SplittableRandom(11);
        int draws = 400_000;
        int[] counts = new int[n];
        for (int i = 0; i < draws; i++) counts[sampler.sample(random)]++;
        double norm = 0;
        for (int r = 1; r <= n; r++) norm += Math.pow(r, -s);
        for (int rank : new int[] {0, 1, 4, 9, 49}) {
            double expected = draws * Math.pow(rank + 1, -s) / norm;
            double sd = Math.sqrt(expected);
            assertEquals(expected, counts[rank], 5 * sd, "rank " + (rank + 1));
        }
    }
}
