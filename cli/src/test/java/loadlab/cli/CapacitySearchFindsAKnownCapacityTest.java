package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.capacity.CapacityStep;
import loadlab.reports.capacity.StepVerdict;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.KnownCapacityTarget;

/**
 * {@code loadlab capacity} end to end against targets whose limits are known by construction: it
 * finds a server's capacity and never reports more than it has, and it never reports a knee that
 * the injector made (here: its own connection limit).
 */
@EndToEnd
class CapacitySearchFindsAKnownCapacityTest {
    @TempDir
    Path runs;

    private static int execute(StringWriter out, String... args) {
        picocli.CommandLine cli = Loadlab.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void aServerOfFourWorkersAtEightMillisecondsSustainsAtMostFiveHundredPerSecond() throws Exception {
        try (KnownCapacityTarget target = KnownCapacityTarget.fixed(4, 8)) {
            StringWriter out = new StringWriter();
            int exit = execute(out, "capacity", "--target", target.url(), "--slo", "p99 <= 50ms", "--start", "150/s", "--max", "2000/s",
                    "--resolution", "10%", "--hold", "4s", "--settle", "1s", "--target-warmup", "2s", "--out", runs.toString());
            String text = out.toString();
            assertEquals(0, exit, text);
            Path dir = runs.resolve("latest").toRealPath();
            CapacityResult report = CapacityResult.read(dir);
            assertEquals("bracketed", report.outcome(), text);
            double sustainable = report.sustainableRatePerS();
            assertTrue(sustainable <= 500, "never above what 4 workers x 8 ms can serve: " + sustainable + "\n" + text);
            assertTrue(sustainable >= 300, "well below capacity the SLO holds: " + sustainable + "\n" + text);
            assertTrue(report.bracket().highPerS() > sustainable
                    && report.bracket().highPerS() - sustainable <= 0.1 * sustainable, "within the resolution: " + report.bracket());
            for (CapacityStep step : report.steps()) {
                assertTrue(step.verdict() != StepVerdict.INVALID, "no step was the injector's: " + step);
                RunDirectory run = RunDirectory.open(dir.resolve(step.dir()));
                assertEquals(RunState.COMPLETE, run.state(), "each step is a complete run directory");
                assertTrue(Files.exists(dir.resolve(step.dir()).resolve("report.html")));
                if (step.offeredPerS() > 520) assertEquals(StepVerdict.FAIL, step.verdict(), "over capacity: " + step);
            }
            assertTrue(text.contains("sustainable under p99 <= 50ms, error-rate <= 0.1%"), text);
            assertTrue(text.contains("report: " + dir.resolve("report.html")), "the search's own page: " + text);
            assertTrue(text.contains("warming the target up: 150.0/s for 2s, not judged"), text);
            assertEquals(300, RunDirectory.open(dir.resolve("warmup")).summary().total().count(),
                    "the warm-up is a run directory of its own: 2 s at 150/s, not judged (a cold injector may well start late)");
        }
    }

    @Test
    void aKneeMadeByTheInjectorsConnectionLimitIsInvalidNotTheTargets() throws Exception {
        try (KnownCapacityTarget target = KnownCapacityTarget.fixed(64, 20)) {
            StringWriter out = new StringWriter();
            // two connections carry at most 2 / 20 ms = 100/s; the target could serve 3,200/s
            int exit = execute(out, "capacity", "--target", target.url(), "--connections", "2", "--slo", "p99 <= 100ms",
                    "--start", "50/s", "--hold", "3s", "--settle", "1s", "--target-warmup", "0s", "--out", runs.toString());
            String text = out.toString();
            assertEquals(1, exit, "the search did not find the target's capacity: " + text);
            CapacityResult report = CapacityResult.read(runs.resolve("latest").toRealPath());
            assertEquals("injector_limit", report.outcome(), text);
            assertNull(report.bracket().highPerS(), "no failure of the target was seen: " + report.bracket());
            CapacityStep last = report.steps().get(report.steps().size() - 1);
            assertEquals(StepVerdict.INVALID, last.verdict(), text);
            assertTrue(last.reason().contains("raise --connections"), last.reason());
            assertNotNull(report.sustainableRatePerS());
            assertTrue(text.contains("!!! the search did not find the target's capacity"), text);
        }
    }
}
