package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.testkit.FixtureRun;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/** {@code loadlab gate} and {@code run --gate}: exit 0 on pass, 1 when a check fails, 2 on bad input, with JUnit XML and Markdown. */
@EndToEnd
class GateCommandExitCodesTest {
    @TempDir
    Path tmp;

    private Path spec(String yaml) throws Exception {
        Path f = tmp.resolve("gate-" + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void passingChecksExitZeroAndWriteBothReports() throws Exception {
        Path run = FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("run"));
        Path base = FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("base"));
        Path base2 = FixtureRun.of("get", 100).seconds(10).writeTo(tmp.resolve("base2"));
        Path gate = spec("absolute:\n  - { request: \"*\", metric: p99, below: 250ms }\nrelative:\n  - { request: \"*\", metric: p50, worse-by-at-most: 10% }\n");
        CliRun r = CliRun.execute("gate", "--spec", gate.toString(), run.toString(), "--baseline", base.toString(), "--baseline", base2.toString(),
                "--junit", tmp.resolve("out/gate.xml").toString(), "--markdown", tmp.resolve("out/gate.md").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("gate passed: 5 checks, 0 failed"), r.out());
        assertTrue(Files.readString(tmp.resolve("out/gate.xml")).contains("tests=\"5\" failures=\"0\""),
                "two checks and three run states, the same count as the console's");
        assertTrue(Files.readString(tmp.resolve("out/gate.md")).contains("### loadlab gate: passed"));
        assertTrue(Files.readString(tmp.resolve("out/gate.md")).contains(base + " + " + base2), "both baselines are named");
    }

    @Test
    void theMarkdownIsAppendedToTheGitHubStepSummary() throws Exception {
        Path run = FixtureRun.of("get", 100).seconds(5).writeTo(tmp.resolve("run"));
        Path summary = tmp.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Loadlab.class.getName(), "gate",
                "--spec", spec("absolute:\n  - { metric: p99, below: 1s }\n").toString(), run.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("gate.out").toFile());
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the gate finished");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("gate.out")));
        String text = Files.readString(summary);
        assertTrue(text.startsWith("earlier step\n### loadlab gate: passed"), text);
    }

    @Test
    void aFailedCheckExitsOne() throws Exception {
        Path run = FixtureRun.of("get", 100).seconds(5).writeTo(tmp.resolve("run"));
        CliRun r = CliRun.execute("gate", "--spec", spec("absolute:\n  - { metric: p99, below: 1ms }\n").toString(), run.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL: p99 of all requests below 1ms"), r.out());
    }

    @Test
    void badInputExitsTwoWithOneSentence() throws Exception {
        Path run = FixtureRun.of("get", 100).seconds(5).writeTo(tmp.resolve("run"));
        CliRun.execute("gate", "--spec", spec("absolute:\n  - { metric: p98, below: 1ms }\n").toString(), run.toString())
                .assertRefusedWithOneSentence("unknown metric 'p98'");
        CliRun.execute("gate", "--spec", spec("absolute: [ {").toString(), run.toString()).assertRefusedWithOneSentence("is not valid YAML");
        CliRun.execute("gate", "--spec", spec("absolute:\n  - { request: checkout, metric: p99, below: 1s }\n").toString(), run.toString())
                .assertRefusedWithOneSentence("names request 'checkout'");
        CliRun.execute("gate", "--spec", spec("absolute:\n  - { metric: p99, below: 1s }\n").toString(), tmp.resolve("nope").toString())
                .assertRefusedWithOneSentence("is not a directory");
        CliRun.execute("gate", "--spec", spec("relative:\n  - { metric: p99, worse-by-at-most: 5% }\n").toString(), run.toString())
                .assertRefusedWithOneSentence("give the run to compare with as --baseline DIR");
        CliRun.execute("gate", "--spec", tmp.resolve("missing.yaml").toString(), run.toString()).assertRefusedWithOneSentence("does not exist");
    }

    @Test
    void runWithGateJudgesTheRunAsItFinishes() throws Exception {
        Path gate = spec("absolute:\n  - { request: \"*\", metric: p50, below: 1us }\n  - { request: \"*\", metric: error-rate, below: 1% }\n");
        try (LoopbackTarget target = new LoopbackTarget()) {
            CliRun r = CliRun.execute("run", "--target", target.url(), "--rate", "50/s", "--duration", "2s", "--warmup", "0s",
                    "--out", tmp.resolve("runs").toString(), "--gate", gate.toString(), "--junit", tmp.resolve("run-gate.xml").toString());
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("FAIL: p50 of all requests below 1us"), r.out());
            String xml = Files.readString(tmp.resolve("run-gate.xml"));
            // the p50 check fails; a 2 s run from a cold JVM may also be INVALID, which fails the run's state check too
            assertTrue(xml.matches("(?s).*failures=\"[12]\".*") && xml.contains("<failure message=\"p50 of all requests is"), xml);
        }
    }

    @Test
    void aBadGateSpecIsRefusedBeforeAnyLoad() throws Exception {
        Path bad = spec("absolute:\n  - { metric: p99, below: soon }\n");
        CliRun.execute("run", "--target", "http://127.0.0.1:1/", "--rate", "10/s", "--gate", bad.toString())
                .assertRefusedWithOneSentence("'soon' is not a number with a unit");
        CliRun.execute("run", "--target", "http://127.0.0.1:1/", "--rate", "10/s", "--baseline", tmp.toString())
                .assertRefusedWithOneSentence("go with --gate");
    }
}
