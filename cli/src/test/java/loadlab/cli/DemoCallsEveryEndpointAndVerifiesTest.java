package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import loadlab.testkit.EndToEnd;

/** The README's first command, end to end: a real service on loopback, every endpoint, verification, stop. */
@EndToEnd
class DemoCallsEveryEndpointAndVerifiesTest {
    @TempDir
    Path runs;

    @Test
    void theDemoExercisesEveryEndpointAndExitsZero() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Loadlab.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("demo", "--users", "300", "--posts-per-user", "2", "--stairs", "50/s+50/s*2", "--hold", "3s",
                "--out", runs.toString());
        String text = out.toString();
        // The demo exits 1 when its run is INVALID. The one INVALID a healthy demo can meet is this machine's own timing: the
        // service and the injector share one cold JVM, and a 15-20 ms GC pause (measured in this suite's JVM) delays enough of
        // 450 arrivals to lift the start-lag p99 over its limit. That verdict is true, so it is allowed here, and only that one.
        boolean generatorLate = text.contains("!!! run INVALID: the generator started requests late");
        assertTrue(exit == 0 || exit == 1 && generatorLate, "exit " + exit + "\n" + text + err);
        for (String endpoint : new String[] {"/health", "/users", "/following/", "/posts", "/timeline", "/search?q=", "/metrics",
                "/admin/faults", "/admin/verify"}) {
            assertTrue(text.contains(endpoint), "the demo calls " + endpoint + ":\n" + text);
        }
        assertTrue(text.contains("seeded 300 users"), text);
        assertTrue(text.contains("every endpoint answered as expected"), text);
        assertTrue(text.contains("reference service stopped"), text);
        assertTrue(text.contains("run: complete") != generatorLate, "exactly one verdict line:\n" + text);
        assertTrue(text.contains("verification: client: all ") && text.contains("service: all ")
                && text.contains(" acknowledged writes durable and visible everywhere"), text);
        Path run = runs.resolve("latest");
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"verdict\" : \"kept\""), "the verification is in summary.json");
        for (String file : new String[] {"run.json", "summary.json", "latency.hlog", "service.hlog", "lag.hlog", "server-metrics.jsonl",
                "report.html"}) {
            assertTrue(Files.exists(run.resolve(file)), file);
        }
        assertTrue(Files.readString(run.resolve("server-metrics.jsonl")).contains("fanout_queue_depth"), "server metrics were scraped");
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"schema\" : \"loadlab.summary/3\""));
        assertTrue(text.contains("report: " + runs.resolve("latest").toRealPath().resolve("report.html")), "the demo says where its report is");
        assertTrue(Files.readString(run.resolve("report.html")).contains("http_server_requests_seconds (mean and max per scrape)"),
                "the report charts the scraped metrics");
    }
}
