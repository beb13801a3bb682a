package loadlab.injector.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import loadlab.recording.FaultLog;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.faults.FaultSpec;
import loadlab.scenarios.faults.FaultAction;
import loadlab.testkit.LoopbackServers;

/**
 * The schedule carried out against a loopback HTTP server and shell commands: each action runs
 * once, in order, its outcome kept in faults.json; a run that ends early ends every active fault
 * and clears everything.
 */
class FaultRunnerCarriesOutTheScheduleTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServers.http(16);
        server.createContext("/", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes()));
            int status = exchange.getRequestURI().getPath().equals("/broken") ? 500 : 200;
            exchange.sendResponseHeaders(status, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void eachActionRunsAtItsTimeAndItsOutcomeIsKept() throws Exception {
        Path marker = dir.resolve("marker");
        FaultSchedule schedule = new FaultSchedule(List.of(
                new FaultSpec("by-http", "http", "x", 0, 300, FaultAction.request("PUT", url("/fault"), Map.of(), "{\"on\": true}"),
                        FaultAction.request("DELETE", url("/fault"), Map.of(), null)),
                new FaultSpec("by-shell", "exec", "x", 100, 300, FaultAction.command("echo started > " + marker + "; echo said so"),
                        FaultAction.command("echo stopped >> " + marker + "; exit 3")),
                new FaultSpec("refused", "http", "x", 200, 100, FaultAction.request("POST", url("/broken"), Map.of(), null), null)));
        try (FaultRunner runner = new FaultRunner(schedule, null, dir)) {
            runner.start(System.nanoTime());
            FaultLog log = runner.done().get(30, TimeUnit.SECONDS);
            assertEquals(List.of("PUT /fault {\"on\": true}", "POST /broken ", "DELETE /fault "), calls, "each request once, in time order");
            FaultLog.Fault http = log.faults().get(0);
            assertTrue(http.start().ok() && http.start().status() == 200, "" + http.start());
            assertTrue(http.stop().ok());
            assertTrue(http.endedS() - http.startedS() >= 0.29, "the stop came at the end of the window: " + http);
            FaultLog.Fault shell = log.faults().get(1);
            assertEquals("said so", shell.start().output());
            assertEquals(0, shell.start().status());
            assertEquals(3, shell.stop().status());
            assertTrue(!shell.stop().ok(), "exit status 3 is a failed action");
            assertTrue(shell.startedS() >= 0.099, "not before its time: " + shell);
            assertEquals(List.of("started", "stopped"), Files.readAllLines(marker));
            FaultLog.Fault refused = log.faults().get(2);
            assertEquals(500, refused.start().status());
            assertTrue(!refused.start().ok());
            assertNotNull(refused.endedS(), "without a stop action it ends with its window");
            assertEquals(log, FaultLog.read(dir), "faults.json holds what happened");
        }
    }

    @Test
    void aRunThatEndsEarlyEndsEveryActiveFaultAndClearsEverything() throws Exception {
        FaultSchedule schedule = new FaultSchedule(List.of(
                new FaultSpec("long", "http", "x", 0, 600_000, FaultAction.request("PUT", url("/long"), Map.of(), null),
                        FaultAction.request("DELETE", url("/long"), Map.of(), null)),
                new FaultSpec("later", "http", "x", 500_000, 1_000, FaultAction.request("PUT", url("/later"), Map.of(), null), null)));
        FaultRunner runner = new FaultRunner(schedule, FaultAction.request("DELETE", url("/all"), Map.of(), null), dir);
        runner.start(System.nanoTime());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (FaultLog.read(dir).faults().get(0).start() == null) {
            assertTrue(System.nanoTime() < deadline, "the first fault started");
            Thread.onSpinWait();
        }
        runner.close();
        FaultLog log = FaultLog.read(dir);
        assertEquals(List.of("PUT /long ", "DELETE /long ", "DELETE /all "), calls, "the active fault ended, then everything cleared");
        assertTrue(log.faults().get(0).cleared(), "ended early, not on schedule");
        assertEquals(null, log.faults().get(1).startedS(), "the later fault never started");
        assertTrue(runner.done().isDone());
    }
}
