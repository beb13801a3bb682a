package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import loadlab.reports.capacity.Slo;

/**
 * What a new user types first: {@code --help} on every command reads cleanly (no picocli "Could
 * not format" warning), {@code --version} and {@code -V} print the version, and a mistyped flag is
 * answered with the nearest one.
 */
class HelpVersionAndMistypedFlagsTest {
    @Test
    void everyHelpPrintsWithoutAFormatWarning() {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of());
        collect(Loadlab.commandLine(), new ArrayList<>(), commands);
        assertTrue(commands.size() > 10, "every command and subcommand: " + commands);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : commands) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CliRun run = CliRun.execute(args.toArray(String[]::new));
                assertEquals(0, run.exit(), path + ": " + run.err());
                assertTrue(run.out().contains("Usage: loadlab"), path + ": " + run.out());
                assertFalse(run.out().contains("%n") || run.out().contains("Could not format"), path + ": " + run.out());
            }
        } finally {
            System.setErr(err);
        }
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("Could not format"), captured.toString(StandardCharsets.UTF_8));
        CliRun capacity = CliRun.execute("capacity", "--help");
        assertTrue(capacity.out().contains(Slo.DEFAULT_ERROR_BUDGET + " applies"),
                "the help says the default error budget the search really applies: " + capacity.out());
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void versionPrintsTheVersionAndCommit() {
        for (String flag : List.of("--version", "-V")) {
            CliRun run = CliRun.execute(flag);
            assertEquals(0, run.exit());
            assertTrue(run.out().matches("(?s)loadlab \\S+ \\(git [0-9a-f]+(-dirty)?\\)\\s*"), flag + ": " + run.out());
        }
    }

    @Test
    void aMistypedFlagIsAnsweredWithTheNearestOne() {
        CliRun run = CliRun.execute("run", "--durration", "5s");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Did you mean --duration"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
