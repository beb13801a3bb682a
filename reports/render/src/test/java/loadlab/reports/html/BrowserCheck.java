package loadlab.reports.html;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;

/**
 * Runs {@code src/test/browser/check-report.mjs} (Playwright's playwright-core driving Debian's
 * Chromium) over report pages and returns what it saw, one JSON object per page and colour
 * scheme. Chromium, Node.js and the pinned playwright-core are required when {@code CI=true}
 * (.ci/run installs them); elsewhere their absence skips the test with the reason.
 */
final class BrowserCheck {
    static final Path DIR = Path.of("src/test/browser").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private BrowserCheck() {}

    static List<JsonNode> run(Path screenshots, List<Path> pages) throws IOException, InterruptedException {
        require(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (apt-get install chromium)");
        require(exits0(List.of("node", "--version"), DIR, 30), "Node.js is missing (apt-get install nodejs npm)");
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            require(exits0(List.of("npm", "ci", "--no-audit", "--no-fund"), DIR, 300),
                    "playwright-core could not be installed ('npm ci' in " + DIR + " failed)");
        }
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve("check-report.mjs").toString(), screenshots.toString()));
        pages.forEach(p -> command.add(p.toString()));
        Path out = Files.createTempFile("loadlab-browser-", ".jsonl");
        Path err = Files.createTempFile("loadlab-browser-", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("the browser check did not finish within 240 s: " + Files.readString(err));
            }
            if (p.exitValue() != 0) fail("the browser check exited " + p.exitValue() + ": " + Files.readString(err));
            List<JsonNode> seen = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) if (line.startsWith("{")) seen.add(RunFiles.JSON.readTree(line));
            return seen;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean exits0(List<String> command, Path dir, int seconds) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void require(boolean present, String why) {
        if (present) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + ", and CI=true makes the browser test required");
        Assumptions.abort(why);
    }
}
