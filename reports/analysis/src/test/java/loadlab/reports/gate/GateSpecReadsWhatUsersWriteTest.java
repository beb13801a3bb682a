package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.reports.metric.Metric;

class GateSpecReadsWhatUsersWriteTest {
    @TempDir
    Path tmp;

    private GateSpec read(String yaml) throws Exception {
        Path f = tmp.resolve("gate-" + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(f, yaml);
        return GateSpec.read(f);
    }

    private void refused(String yaml, String phrase) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains(phrase), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theIssuesExampleReads() throws Exception {
        GateSpec spec = read("""
                absolute:
                  - { request: "*", metric: p99, below: 250ms }
                  - { request: "*", metric: error-rate, below: 0.1% }
                  - { metric: achieved-rate, at-least: 95% }
                relative:
                  - { request: "*", metric: p99, worse-by-at-most: 10% }
                  - { benchmark: ".*Fanout.*", metric: score, worse-by-at-most: 5% }
                """);
        assertEquals(5, spec.checks().size());
        Check p99 = spec.checks().get(0);
        assertEquals(Metric.P99, p99.metric());
        assertEquals(250_000, p99.limit().value(), 1e-9);
        assertEquals(0.001, spec.checks().get(1).limit().value(), 1e-12);
        assertTrue(spec.checks().get(2).limit().ofTarget());
        assertEquals(0.95, spec.checks().get(2).limit().value(), 1e-12);
        assertEquals(0.10, spec.checks().get(3).allowed(), 1e-12);
        assertTrue(spec.checks().get(4).onBench());
        assertEquals(GateSpec.DEFAULT_CONFIDENCE, spec.confidence());
    }

    @Test
    void unitsConvertToTheMetricsOwn() throws Exception {
        GateSpec spec = read("""
                confidence: 0.95
                absolute:
                  - { request: "*", metric: max, at-most: 1.5s }
                  - { request: "*", metric: service-p50, below: 800us }
                  - { request: "*", metric: throughput, at-least: 2k/s }
                  - { benchmark: "Json", metric: score, below: 4us }
                  - { benchmark: "Json", metric: score, above: 250k/s }
                """);
        assertEquals(0.95, spec.confidence());
        assertEquals(1_500_000, spec.checks().get(0).limit().value(), 1e-9);
        assertEquals(800, spec.checks().get(1).limit().value(), 1e-9);
        assertEquals(2_000, spec.checks().get(2).limit().value(), 1e-9);
        assertEquals(4_000, spec.checks().get(3).limit().value(), 1e-9, "nanoseconds per operation");
        assertEquals(250_000, spec.checks().get(4).limit().value(), 1e-9, "operations per second");
    }

    @Test
    void mistakesGetOneSentenceNamingTheCheck() {
        refused("absolute: [ { request: '*', metric: p99, below: 250ms ", "is not valid YAML");
        refused("- just a list", "must be a map");
        refused("absolute:\n  - { metric: p98, below: 1ms }", "absolute check 1: unknown metric 'p98'");
        refused("absolute:\n  - { metric: p99, below: 1ms, colour: red }", "unknown key 'colour'");
        refused("absolute:\n  - { metric: p99 }", "has no bound");
        refused("absolute:\n  - { metric: p99, below: 1ms, above: 0ms }", "has two bounds");
        refused("absolute:\n  - { metric: p99, below: fast }", "'fast' is not a number with a unit");
        refused("absolute:\n  - { metric: p99, below: 250 parsecs }", "'250 parsecs' is not a p99 value");
        refused("absolute:\n  - { metric: p99, below: 5% }", "is not a p99 value; write it like 250ms");
        refused("relative:\n  - { metric: p99, worse-by-at-most: lots }", "is not a percentage");
        refused("relative:\n  - { benchmark: Fanout, metric: p99, worse-by-at-most: 5% }", "a benchmark check measures metric score");
        refused("relative:\n  - { metric: score, worse-by-at-most: 5% }", "metric score needs benchmark");
        refused("relative:\n  - { benchmark: '(', metric: score, worse-by-at-most: 5% }", "is not a regular expression");
        refused("confidence: 2\nabsolute:\n  - { metric: p99, below: 1ms }", "confidence must be a number between 0.5 and 1");
        refused("thresholds: []", "unknown key 'thresholds'");
        refused("absolute: []", "has no checks");
    }

    @Test
    void aMissingSpecIsOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GateSpec.read(tmp.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("does not exist"));
    }
}
