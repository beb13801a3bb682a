package loadlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** For tests that act on a load run while it runs: waits for a file condition, never for a time. */
final class RunningLoad {
    private RunningLoad() {}

    /** {@code loadlab run} at 100/s as a process of its own (so it can be killed), its output in {@code console}. */
    static ProcessBuilder command(String url, String duration, Path out, Path console) {
        return command(url, "100/s", duration, out, console);
    }

    /** @param extra more flags for {@code loadlab run}, e.g. {@code --engine gatling} */
    static ProcessBuilder command(String url, String rate, String duration, Path out, Path console, String... extra) {
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                Loadlab.class.getName(), "run", "--target", url, "--rate", rate, "--duration", duration, "--warmup", "0s", "--out", out.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile());
    }

    /** The latency log of the run under {@code runs} once it holds {@code intervals} intervals (at most a minute). */
    static Path awaitIntervals(Path runs, int intervals) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (var dirs = Files.list(runs)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    Path log = d.resolve("latency.hlog");
                    if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.startsWith("Tag=")).count() >= intervals) return log;
                }
            }
            LockSupport.parkNanos(50_000_000);
        }
        throw new AssertionError("the run never recorded " + intervals + " intervals; console:\n" + Files.readString(runs.resolve("console.txt")));
    }
}
