package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** The command line run in-process with its output captured, as a user would see it. */
record CliRun(int exit, String out, String err) {

    static CliRun execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Loadlab.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString().strip());
    }

    /** Exit code 2 and one line, "loadlab: ..." with the phrase, and no stack trace. */
    void assertRefusedWithOneSentence(String phrase) {
        assertEquals(2, exit, err + out);
        assertTrue(err.startsWith("loadlab: "), err);
        assertTrue(err.contains(phrase), "'" + err + "' should mention " + phrase);
        assertEquals(1, err.lines().count(), "one sentence, one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
