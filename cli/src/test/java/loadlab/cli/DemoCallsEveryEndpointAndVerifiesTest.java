package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The README's first command, end to end: a real service on loopback, every endpoint, verification, stop. */
class DemoCallsEveryEndpointAndVerifiesTest {
    @Test
    void theDemoExercisesEveryEndpointAndExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Loadlab.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("demo", "--users", "300", "--posts-per-user", "2");
        String text = out.toString();
        assertEquals(0, exit, text + err);
        for (String endpoint : new String[] {"/health", "/users", "/following/", "/posts", "/timeline", "/search?q=", "/metrics",
                "/admin/faults", "/admin/verify"}) {
            assertTrue(text.contains(endpoint), "the demo calls " + endpoint + ":\n" + text);
        }
        assertTrue(text.contains("seeded 300 users"), text);
        assertTrue(text.contains("demo ok"), text);
        assertTrue(text.contains("reference service stopped"), text);
    }
}
