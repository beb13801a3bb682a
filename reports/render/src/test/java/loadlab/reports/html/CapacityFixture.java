package loadlab.reports.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import loadlab.recording.RunDirectory;
import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.capacity.CapacityStep;
import loadlab.reports.capacity.Slo;
import loadlab.reports.capacity.StepJudge;
import loadlab.testkit.FixtureRun;

/**
 * A capacity search written in code: six steps, each a fixture run directory whose response time
 * grows with its rate (a knee between 800/s and 1,000/s), judged by the real {@link StepJudge}, and
 * its {@code capacity.json}.
 */
final class CapacityFixture {
    private CapacityFixture() {}

    static Path writeTo(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(CapacityResult.STEPS));
        double[] rates = {200, 400, 800, 1_600, 1_000, 900};
        List<Slo> slos = List.of(Slo.parse("p99 <= 50ms"), Slo.parse(Slo.DEFAULT_ERROR_BUDGET));
        List<CapacityStep> steps = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            int rate = (int) rates[i];
            long base = rate <= 800 ? 2_000 + rate * 5L : 40_000 + (rate - 800) * 200L;
            String name = CapacityResult.stepDir(i + 1, rates[i], null);
            Path step = FixtureRun.of("GET", rate).seconds(6).target((double) rate)
                    .latency((s, n, k) -> base + (k * 37L) % (base / 2)).writeTo(dir.resolve(CapacityResult.STEPS).resolve(name));
            steps.add(StepJudge.judge(RunDirectory.open(step), i + 1, rates[i], null, slos, CapacityResult.STEPS + "/" + name));
        }
        CapacityResult.Fit fit = CapacityResult.fit(steps);
        new CapacityResult(CapacityResult.SCHEMA, "search", "http://127.0.0.1:8080/", "http-get", slos.stream().map(Slo::text).toList(), 0.15,
                800.0, new CapacityResult.Bracket(800.0, 900.0), "bracketed", "sustainable rate 800/s: 900/s failed", steps, fit.figures(),
                fit.note(), "2026-12-01T00:00:00Z", "2026-12-01T00:03:00Z", 180).write(dir);
        return dir;
    }
}
