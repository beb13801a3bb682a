package loadlab.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import loadlab.recording.CheckCount;
import loadlab.recording.CheckLog;
import loadlab.testkit.FixtureRun;
import loadlab.reports.html.RunReport;
import loadlab.reports.text.GateVerdictWriter;

/**
 * Every check a workload wrote can fail the gate: {@code check-failures} bounds them per request
 * name or for all, a spec that does not bound them requires all to pass, and an inconclusive check
 * is {@code <skipped>} in JUnit XML with its reason, counted the same as on the console.
 */
class ChecksAWorkloadWroteAreGatedTest {
    @TempDir
    Path tmp;

    private static GateSpec spec(Map<?, ?>... checks) {
        return GateSpec.parse(Map.of("absolute", List.of(checks)), "spec");
    }

    private Path run(String dir, long failed) {
        CheckLog checks = CheckLog.of(Map.of("get", List.of(new CheckCount("status is 200", 500, 0, Map.of()),
                new CheckCount("has an id", 500 - failed, failed, failed == 0 ? Map.of() : Map.of("found nothing", failed)))));
        return FixtureRun.of("get", 100).seconds(5).target(100.0).checks(checks).writeTo(tmp.resolve(dir));
    }

    @Test
    void checkFailuresAreBoundedPerRequestOrForAll() {
        Path run = run("five", 5);
        GateVerdict strict = Gate.judge(spec(Map.of("metric", "check-failures", "at-most", "0")), run, List.of());
        assertEquals(CheckResult.Verdict.FAIL, strict.results().get(0).verdict());
        assertTrue(strict.results().get(0).reason().startsWith("5 failed checks of all requests (most: 'has an id', 5)"),
                strict.results().get(0).reason());
        GateVerdict lenient = Gate.judge(spec(Map.of("request", "g*", "metric", "check-failures", "below", "10")), run, List.of());
        assertEquals(1, lenient.results().size(), "the spec's own bound replaces the implicit all-must-pass");
        assertEquals(CheckResult.Verdict.PASS, lenient.results().get(0).verdict());
        assertEquals("5 of 1,000", lenient.results().get(0).run());
    }

    @Test
    void aSpecThatDoesNotBoundChecksRequiresEveryOneToPass() {
        GateVerdict failing = Gate.judge(spec(Map.of("metric", "p99", "below", "10s")), run("one", 1), List.of());
        assertEquals(2, failing.results().size(), failing.results().toString());
        CheckResult implicit = failing.results().get(1);
        assertTrue(implicit.check().startsWith("every check of the workload passes (implicit"), implicit.check());
        assertEquals(CheckResult.Verdict.FAIL, implicit.verdict());
        assertTrue(!failing.passed());
        assertTrue(Gate.judge(spec(Map.of("metric", "p99", "below", "10s")), run("none", 0), List.of()).passed());
        Path noChecks = FixtureRun.of("get", 100).seconds(5).target(100.0).writeTo(tmp.resolve("nochecks"));
        GateVerdict plain = Gate.judge(spec(Map.of("metric", "p99", "below", "10s")), noChecks, List.of());
        assertEquals(1, plain.results().size(), "a run without checks gets no implicit one");
        GateVerdict asked = Gate.judge(spec(Map.of("metric", "check-failures", "at-most", "0")), noChecks, List.of());
        assertEquals(CheckResult.Verdict.FAIL, asked.results().get(0).verdict(), "what was not measured cannot pass");
    }

    @Test
    void checkFailuresAreJudgedAgainstALimitNotABaseline() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GateSpec.parse(Map.of("relative", List.of(Map.of("metric", "check-failures", "worse-by-at-most", "10%"))), "gate.yaml"));
        assertTrue(e.getMessage().contains("check-failures is judged against a limit, not a baseline"), e.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> spec(Map.of("metric", "check-failures", "at-most", "1.5")));
        assertTrue(unit.getMessage().contains("a whole number of failed checks"), unit.getMessage());
    }

    @Test
    void anInconclusiveCheckIsSkippedInJUnitXmlAndCountedAsOnTheConsole() throws Exception {
        CheckResult state = new CheckResult(Check.Kind.STATE, "the run runs/x is complete", "", "complete", "", CheckResult.Verdict.PASS, "ok");
        CheckResult pass = new CheckResult(Check.Kind.ABSOLUTE, "p99 of all requests below 1s", "", "2 ms", "limit 1s", CheckResult.Verdict.PASS, "fine");
        CheckResult unsure = new CheckResult(Check.Kind.RELATIVE, "p99 of all requests worse by at most 10%", "2 ms", "2.3 ms",
                "+15% [-5%, +40%]", CheckResult.Verdict.INCONCLUSIVE, "the runs are too noisy to tell; run longer to decide");
        GateVerdict v = new GateVerdict("runs/x", "runs/y", 0.99, false, List.of(), List.of(state), List.of(pass, unsure));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(GateVerdictWriter.junitXml(v).getBytes(StandardCharsets.UTF_8)));
        assertEquals("3", xml.getDocumentElement().getAttribute("tests"));
        assertEquals("1", xml.getDocumentElement().getAttribute("skipped"));
        assertEquals("0", xml.getDocumentElement().getAttribute("failures"));
        assertEquals(1, xml.getElementsByTagName("skipped").getLength());
        assertTrue(((Element) xml.getElementsByTagName("skipped").item(0)).getAttribute("message").contains("too noisy"));
        StringWriter console = new StringWriter();
        GateVerdictWriter.printTable(v, new PrintWriter(console));
        assertTrue(console.toString().contains("gate passed: 3 checks, 0 failed, 1 inconclusive (skipped in JUnit XML)"), console.toString());
    }

    @Test
    void theReportShowsEachCheckAndADashWhereNothingSucceeded() {
        Path run = FixtureRun.of("get", 100).and("broken", 10).errorEvery(1).seconds(5).target(110.0)
                .checks(CheckLog.of(Map.of("get", List.of(new CheckCount("has an id", 495, 5, Map.of("found nothing", 5L))))))
                .writeTo(tmp.resolve("report"));
        String html = RunReport.html(run);
        assertTrue(html.contains("<td class=\"\">has an id</td>"), "the checks table names the check");
        assertTrue(html.contains("found nothing (5)"), "and why it failed");
        assertTrue(html.contains(">p95</th>"), "p95 beside the other percentiles");
        assertTrue(!html.contains(">0 µs<"), "no row shows 0 µs for requests that never succeeded");
        assertTrue(html.contains("<td class=\"num\">–</td>"), "a dash instead");
    }
}
