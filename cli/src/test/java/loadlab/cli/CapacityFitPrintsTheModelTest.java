package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;

/** {@code loadlab capacity --fit points.csv --json FILE} on measurements made elsewhere: the model printed and written. */
class CapacityFitPrintsTheModelTest {
    @TempDir
    Path tmp;

    @Test
    void theFitIsPrintedAndWrittenAsJson() throws Exception {
        StringBuilder csv = new StringBuilder("# a system with sigma 0.05, kappa 0.002, lambda 400/s\nthroughput,concurrency\n");
        for (int n : new int[] {1, 2, 4, 8, 16, 32, 48, 64}) {
            csv.append(400.0 * n / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1))).append(',').append(n).append('\n');
        }
        Path points = Files.writeString(tmp.resolve("points.csv"), csv);
        Path json = tmp.resolve("usl.json");
        CliRun run = CliRun.execute("capacity", "--fit", points.toString(), "--json", json.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("USL fit of 8 points: sigma 0.05000 (contention), kappa 0.002000 (coherency), lambda 400.0/s"),
                run.out());
        assertTrue(run.out().contains("coherency-limited; peak "), run.out());
        JsonNode written = RunFiles.JSON.readTree(json.toFile());
        for (String field : new String[] {"sigma", "kappa", "lambda", "r2", "peak_concurrency", "peak_throughput"}) {
            assertTrue(written.has(field), field + " in " + written);
        }
        assertEquals(0.05, written.get("sigma").asDouble(), 1e-6);
        assertEquals(Math.sqrt(0.95 / 0.002), written.get("peak_concurrency").asDouble(), 1e-3);
    }
}
