package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.testkit.FixtureRun;
import loadlab.reports.text.GateVerdictWriter;

/** A relative gate over runs of different targets measures that difference too: the verdict says so. */
class GateWarnsWhenRunsDifferInSetUpTest {
    @TempDir
    Path tmp;

    @Test
    void aDifferentTargetIsAWarning() throws Exception {
        Path base = FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("base"));
        Path run = FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("run"));
        Path manifest = run.resolve("run.json");
        Files.writeString(manifest, Files.readString(manifest).replace("http://127.0.0.1:8080/", "http://127.0.0.1:9090/"));
        GateSpec spec = GateSpec.parse(Map.of("relative", List.of(Map.of("request", "*", "metric", "p50", "worse-by-at-most", "10%"))), "s");
        GateVerdict v = Gate.judge(spec, run, List.of(base));
        assertEquals(1, v.warnings().size(), v.warnings().toString());
        assertTrue(v.warnings().get(0).contains("differ in their target (http://127.0.0.1:9090/ against http://127.0.0.1:8080/)"),
                v.warnings().get(0));
        StringWriter table = new StringWriter();
        GateVerdictWriter.printTable(v, new PrintWriter(table));
        assertTrue(table.toString().contains("warning: "), table.toString());

        GateVerdict same = Gate.judge(spec, FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("same")), List.of(base));
        assertEquals(List.of(), same.warnings());
    }
}
