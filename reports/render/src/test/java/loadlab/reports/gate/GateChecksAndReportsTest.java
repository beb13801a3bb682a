package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import loadlab.testkit.BenchFixture;
import loadlab.testkit.FixtureRun;
import loadlab.reports.text.GateVerdictWriter;

class GateChecksAndReportsTest {
    @TempDir
    Path tmp;

    private static GateSpec spec(String section, Map<?, ?>... checks) {
        return GateSpec.parse(Map.of(section, List.of(checks)), "spec");
    }

    @Test
    void absoluteChecksCompareTheRunsFigureWithTheLimit() {
        Path run = FixtureRun.of("read", 80).and("post", 20).seconds(10).latency((s, n, i) -> 1_000 + i * 10L).errorEvery(50).writeTo(tmp.resolve("r"));
        GateVerdict v = Gate.judge(spec("absolute",
                Map.of("request", "*", "metric", "p99", "below", "250ms"),
                Map.of("request", "*", "metric", "max", "below", "1ms"),
                Map.of("request", "*", "metric", "error-rate", "below", "0.1%"),
                Map.of("metric", "achieved-rate", "at-least", "95%"),
                Map.of("request", "re*", "metric", "p50", "at-most", "2s")), run, List.of());
        List<CheckResult.Verdict> verdicts = v.results().stream().map(CheckResult::verdict).toList();
        assertEquals(List.of(CheckResult.Verdict.PASS, CheckResult.Verdict.FAIL, CheckResult.Verdict.FAIL, CheckResult.Verdict.PASS,
                CheckResult.Verdict.PASS), verdicts);
        assertEquals("p50 of read at-most 2s", v.results().get(4).check(), "a glob checks each matching name");
        assertTrue(v.results().get(2).reason().contains("error-rate of all requests is 1%"), v.results().get(2).reason());
        assertFalse(v.passed());
    }

    @Test
    void anInvalidRunFailsItsAchievedRateCheck() {
        Path run = FixtureRun.of("get", 300).seconds(5).target(1_000.0).writeTo(tmp.resolve("slow"));
        GateVerdict v = Gate.judge(spec("absolute", Map.of("metric", "achieved-rate", "at-least", "95%")), run, List.of());
        assertEquals(CheckResult.Verdict.FAIL, v.results().get(0).verdict());
        assertEquals("300/s of 1,000/s", v.results().get(0).run());
    }

    @Test
    void badNamesAndMismatchedRunsAreOneSentence() throws Exception {
        Path run = FixtureRun.of("get", 10).seconds(3).writeTo(tmp.resolve("load"));
        Path bench = BenchFixture.writeTo(tmp.resolve("bench"), 1.0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.judge(spec("absolute",
                Map.of("request", "checkout", "metric", "p99", "below", "1s")), run, List.of())).getMessage()
                .contains("names request 'checkout', which " + run + " does not have; it has get"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.judge(spec("relative",
                Map.of("request", "*", "metric", "p99", "worse-by-at-most", "10%")), run, List.of())).getMessage().contains("--baseline"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.judge(spec("absolute",
                Map.of("benchmark", "Fanout", "metric", "score", "below", "1ms")), run, List.of())).getMessage().contains("is for bench runs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.judge(spec("relative",
                Map.of("request", "*", "metric", "p99", "worse-by-at-most", "10%")), run, bench)).getMessage().contains("gate like against like"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.judge(spec("absolute",
                Map.of("benchmark", "NoSuch", "metric", "score", "below", "1ms")), bench, List.of())).getMessage().contains("matches no benchmark"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.judge(spec("absolute",
                Map.of("metric", "p99", "below", "1ms")), tmp.resolve("absent"), List.of())).getMessage().contains("is not a directory"));
    }

    @Test
    void benchScoresAreJudgedInTheirOwnDirection() throws Exception {
        Path base = BenchFixture.writeTo(tmp.resolve("a"), 1.0);
        Path slower = BenchFixture.writeTo(tmp.resolve("b"), 1.5);
        GateVerdict v = Gate.judge(spec("relative",
                Map.of("benchmark", "FanoutOnWrite", "metric", "score", "worse-by-at-most", "5%"),
                Map.of("benchmark", "TimelinePageJson", "metric", "score", "worse-by-at-most", "5%")), slower, base);
        assertEquals(4, v.results().size(), "three fan-out params and one throughput benchmark");
        for (int i = 0; i < 3; i++) assertEquals(CheckResult.Verdict.FAIL, v.results().get(i).verdict(), v.results().get(i).toString());
        assertEquals(CheckResult.Verdict.PASS, v.results().get(3).verdict());
        GateVerdict absolute = Gate.judge(spec("absolute",
                Map.of("benchmark", "TimelinePageJson", "metric", "score", "at-least", "250k/s"),
                Map.of("benchmark", "recordOneResponse$", "metric", "score", "below", "20ns")), base, List.of());
        assertEquals(CheckResult.Verdict.PASS, absolute.results().get(0).verdict());
        assertEquals(CheckResult.Verdict.FAIL, absolute.results().get(1).verdict(), "22.6 ns is not below 20 ns");
    }

    @Test
    void theVerdictReadsAsATableJUnitXmlAndMarkdown() throws Exception {
        Path run = FixtureRun.of("get", 100).seconds(5).latency((s, n, i) -> 1_000 + i * 10L).writeTo(tmp.resolve("out"));
        GateVerdict v = Gate.judge(spec("absolute",
                Map.of("request", "*", "metric", "p99", "below", "250ms"),
                Map.of("request", "*", "metric", "p50", "below", "1ms")), run, List.of());

        StringWriter table = new StringWriter();
        GateVerdictWriter.printTable(v, new PrintWriter(table));
        assertTrue(table.toString().contains("p50 of all requests below 1ms"));
        assertTrue(table.toString().contains("gate FAILED: 3 checks, 1 failed, 0 inconclusive"), "the same count as the XML's: " + table);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(GateVerdictWriter.junitXml(v).getBytes(StandardCharsets.UTF_8)));
        assertEquals("3", xml.getDocumentElement().getAttribute("tests"), "the run's state is a test case too");
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
        assertEquals(3, xml.getElementsByTagName("testcase").getLength());
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
        assertEquals("p50 of all requests below 1ms", ((Element) xml.getElementsByTagName("failure").item(0).getParentNode())
                .getAttribute("name"));

        String md = GateVerdictWriter.markdown(v);
        assertTrue(md.startsWith("### loadlab gate: **FAILED**"));
        assertTrue(md.contains("| p50 of all requests below 1ms |"));
        assertTrue(md.contains("❌ **FAIL**"));
    }
}
