package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.ClientCheck;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.recording.Verification;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LocalService;

/**
 * The reference service, run on its own ({@code loadlab serve}) with a durable store, is killed
 * with SIGKILL mid-run by an {@code exec} fault and started again when the fault ends. The
 * service's own verification afterwards can only speak for the new process; the client's counts
 * every write acknowledged before the crash too: none is lost, and the writes it checked are exactly
 * the injector's 2xx posts and follows.
 */
@EndToEnd
class AServiceKilledMidRunLosesNoAcknowledgedWriteTest {
    @TempDir
    Path tmp;

    @Test
    void onAnH2File() throws Exception {
        crashAndCheck("h2:file:" + tmp.resolve("store/db"));
    }

    @Test
    void onPostgres() throws Exception {
        LocalService.require(LocalService.POSTGRES_PORT, "PostgreSQL");
        String schema = "loadlab_crash_" + ProcessHandle.current().pid();
        try {
            crashAndCheck("postgres://" + LocalService.HOST + ":" + LocalService.POSTGRES_PORT + "/test?schema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + LocalService.HOST + ":" + LocalService.POSTGRES_PORT + "/test",
                    System.getProperty("user.name"), null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void crashAndCheck(String store) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> serve = List.of(java, "-cp", System.getProperty("java.class.path"), Loadlab.class.getName(), "serve", "--port",
                Integer.toString(port), "--store", store, "--users", "300");
        Process first = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(tmp.resolve("serve-1.log").toFile()).start();
        Path restartedPid = tmp.resolve("restarted.pid");
        try {
            awaitHealthy(port, first);
            // the restart runs in the background, its pid kept so that the test ends exactly the process it started
            String restart = String.join(" ", serve) + " > " + tmp.resolve("serve-2.log") + " 2>&1 & echo $! > " + restartedPid;
            Path faults = Files.writeString(tmp.resolve("crash.yaml"), "faults:\n"
                    + "  - name: crash\n    at: 3s\n    for: 2s\n"
                    + "    exec: {start: \"kill -9 " + first.pid() + "\", stop: \"" + restart.replace("\"", "\\\"") + "\"}\n");
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--scenario", "timeline", "--target", "http://127.0.0.1:" + port + "/", "--rate", "30/s",
                    "--duration", "14s", "--warmup", "0s", "--timeout", "2s", "--param", "users=300", "--param",
                    "mix=read=40,post=45,search=5,follow=10", "--faults", faults.toString(), "--verify",
                    "http://127.0.0.1:" + port + "/admin/verify?posts=all", "--verify-wait", "20s", "--out", runs.toString());
            assertTrue(first.waitFor(10, TimeUnit.SECONDS), "the first service was killed");
            RunDirectory dir = RunDirectory.open(RunDirectory.resolve(runs.resolve("latest")));
            Summary s = dir.summary();
            Verification v = s.verification();
            ClientCheck c = v.client();
            assertEquals(0, c.lost(), run.out());
            assertEquals(0, c.unreadable(), run.out());
            assertEquals(s.requests().get("post").ok() + s.requests().get("follow").ok(), c.acknowledged(),
                    "the client checked every write the injector counted a success");
            assertEquals(c.acknowledged(), c.ok(), "every acknowledged write is there");
            assertTrue(s.total().errors().total() > 0, "the crash was felt: " + s.total());
            assertTrue(v.acknowledged() < s.requests().get("post").ok(), "the restarted service knows only its own posts: " + v.sentence());
            assertEquals(Verification.Verdict.KEPT, v.verdict(), v.sentence());
            // the restarting JVM takes the generator's cores for a moment: the run may say its start lag made it invalid (exit 1)
            if (dir.state() == RunState.INVALID) assertEquals(1, run.exit(), run.out());
            else assertEquals(0, run.exit(), run.out() + run.err());
        } finally {
            first.destroyForcibly();
            if (Files.exists(restartedPid)) {
                long pid = Long.parseLong(Files.readString(restartedPid).trim());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                });
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls the service's health until it answers 200, or fails when its process ends or a minute passes. */
    private static void awaitHealthy(int port, Process serve) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            assertTrue(serve.isAlive(), "the service exited while starting");
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
                seen.add("HTTP " + r.statusCode());
            } catch (IOException notYet) {
                seen.add(notYet.getClass().getSimpleName());
            }
            serve.waitFor(200, TimeUnit.MILLISECONDS); // not yet listening: wait a little, but wake at once if it dies
        }
        throw new AssertionError("the service did not answer /health within 60 s: " + seen.subList(Math.max(0, seen.size() - 3), seen.size()));
    }
}
