package loadlab.reports.gate;

import java.nio.file.Path;
import java.util.SplittableRandom;

import loadlab.testkit.FixtureRun;

/** Synthetic runs for the gate's statistics: latencies drawn from a seeded log-normal distribution. */
final class GateFixtures {
    private GateFixtures() {}

    /**
     * A load run of {@code perSecond} requests a second for {@code seconds}, latencies log-normal
     * around 2 ms (σ 0.5) times {@code scale}, drawn with {@code seed}.
     */
    static Path load(Path dir, long seed, int perSecond, int seconds, double scale) {
        return FixtureRun.of("read", perSecond * 4 / 5).and("post", perSecond / 5).seconds(seconds).target((double) perSecond)
                .latency((s, name, i) -> {
                    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + s * 10_007L + i * 31L + name.hashCode());
                    double gaussian = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                    return Math.max(1, Math.round(2_000 * Math.exp(0.5 * gaussian) * scale));
                }).writeTo(dir);
    }
}
