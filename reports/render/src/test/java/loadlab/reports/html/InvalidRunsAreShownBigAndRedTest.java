package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.testkit.FixtureRun;

class InvalidRunsAreShownBigAndRedTest {
    @TempDir
    Path tmp;

    @Test
    void aRunBelowItsTargetRateIsInvalidAtTheTopOfThePage() {
        String html = RunReport.html(FixtureRun.of("get", 300).seconds(5).target(1_000.0).writeTo(tmp.resolve("slow")));
        int banner = html.indexOf("<div class=\"banner bad\" role=\"alert\"><strong>INVALID RUN.</strong>");
        assertTrue(banner > 0, "red banner");
        assertTrue(banner < html.indexOf("class=\"cards\""), "above the headline figures");
        assertTrue(html.contains("achieved 300.0/s of the 1000.0/s target"), "says why");
        assertTrue(html.contains("<div class=\"card bad\"><div class=\"label\">injector verdict</div><div class=\"value\">INVALID</div>"));
        assertTrue(html.contains("<div class=\"card bad\"><div class=\"label\">achieved rate</div><div class=\"value\">300/s</div>"));
    }

    @Test
    void anInterruptedRunSaysWhatItCovers() {
        String html = RunReport.html(FixtureRun.of("get", 100).seconds(7).interrupted().writeTo(tmp.resolve("cut")));
        assertTrue(html.contains("<strong>Interrupted.</strong> The run was stopped before its profile ended (interrupted after 7.0 s of"),
                html);
        assertTrue(html.contains("the figures cover the 7 s it measured"));
    }

    @Test
    void aClosedModelIsLabelledAsNotCorrectingCoordinatedOmission() {
        String html = RunReport.html(FixtureRun.of("get", 100).seconds(3).closed().writeTo(tmp.resolve("closed")));
        assertTrue(html.contains("<strong>Closed model.</strong>"));
        assertTrue(html.contains("coordinated omission is not corrected"));
        assertTrue(html.contains("closed model: no target rate"));
        assertFalse(html.contains("INVALID RUN"));
    }
}
