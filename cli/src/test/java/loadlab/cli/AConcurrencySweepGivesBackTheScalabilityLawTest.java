package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.capacity.UslFigures;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.KnownCapacityTarget;

/**
 * A closed-model sweep of a target that slows down with the requests in flight exactly as the
 * Universal Scalability Law says (σ = 0.05, κ = 0.002, λ = 50/s; so N* = 21.8): the fit of the
 * sweep's steps gives σ and κ back. The bounds leave room for what the law does not model: each
 * request's own cost on the wire and in the JDK's HTTP server, measured here at 0.4 ms with many
 * requests in flight and up to 1.8 ms with one (every hand-off wakes an idle thread), which scales
 * σ and κ by about 1/(1 + λ·cost), and more so at low concurrency.
 */
@EndToEnd
class AConcurrencySweepGivesBackTheScalabilityLawTest {
    @TempDir
    Path runs;

    @Test
    void theFitOfTheSweepRecoversSigmaAndKappa() throws Exception {
        try (KnownCapacityTarget target = KnownCapacityTarget.usl(0.05, 0.002, 50)) {
            StringWriter out = new StringWriter();
            picocli.CommandLine cli = Loadlab.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            int exit = cli.execute("capacity", "--target", target.url(), "--concurrency", "1,2,4,8,16,32,48", "--slo", "p99 <= 2s",
                    "--hold", "3s", "--settle", "1s", "--target-warmup", "2s", "--out", runs.toString());
            String text = out.toString();
            assertEquals(0, exit, text);
            CapacityResult report = CapacityResult.read(runs.resolve("latest").toRealPath());
            assertEquals("sweep", report.mode());
            assertEquals(7, report.steps().size(), text);
            UslFigures usl = report.usl();
            assertNotNull(usl, report.uslNote() + "\n" + text);
            assertTrue(usl.sigma() > 0.025 && usl.sigma() < 0.075, "sigma " + usl.sigma() + "\n" + text);
            assertTrue(usl.kappa() > 0.0013 && usl.kappa() < 0.0027, "kappa " + usl.kappa() + "\n" + text);
            assertTrue(usl.peakConcurrency() > 15 && usl.peakConcurrency() < 30, "N* " + usl.peakConcurrency());
            assertTrue(usl.reachesPeak(), "48 users reach past N*");
            assertEquals("coherency", usl.limit(), text);
            assertTrue(text.contains("USL fit of 7 points"), text);
        }
    }
}
