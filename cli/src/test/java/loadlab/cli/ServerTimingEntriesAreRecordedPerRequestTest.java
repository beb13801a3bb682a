package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackServers;

/**
 * A target whose answers carry fixed {@code Server-Timing} headers: each request name gets a
 * histogram per entry in {@code server-timing.hlog} and {@code summary.json}, with the durations the
 * header gave; a malformed header is counted for its request and the run still passes.
 */
@EndToEnd
class ServerTimingEntriesAreRecordedPerRequestTest {
    @TempDir
    Path tmp;

    @Test
    void entriesPerRequestAndMalformedHeadersCounted() throws Exception {
        Map<String, String> headers = Map.of("/good", "store;dur=2.5, cache;dur=0.5, fanout;desc=2", "/bad", "store;dur=soon");
        HttpServer server = LoopbackServers.http(0);
        server.createContext("/", e -> {
            try (e) {
                e.getRequestBody().readAllBytes();
                String h = headers.get(e.getRequestURI().getPath());
                if (h != null) e.getResponseHeaders().set("Server-Timing", h);
                e.sendResponseHeaders(200, 2);
                try (OutputStream out = e.getResponseBody()) {
                    out.write("{}".getBytes());
                }
            }
        });
        server.start();
        try {
            Path workload = Files.writeString(tmp.resolve("timed.yaml"), """
                    requests:
                      - {name: good, path: /good, weight: 3}
                      - {name: bad, path: /bad}
                      - {name: plain, path: /plain}
                    """);
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--requests", workload.toString(), "--target", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                    "--rate", "100/s", "--duration", "2s", "--warmup", "1s", "--out", runs.toString());
            assertEquals(0, run.exit(), "a malformed header is never fatal: " + run.out() + run.err());
            RunDirectory dir = RunDirectory.open(RunDirectory.resolve(runs.resolve("latest")));
            assertTrue(Files.exists(dir.file(RunDirectory.SERVER_TIMING)));
            Summary s = dir.summary();
            Summary.ServerTiming t = s.serverTiming();
            long good = s.requests().get("good").ok();
            assertEquals(good, t.entries().get("good").get("store").count(), "one store entry per good response in the measured window");
            assertEquals(2500, t.entries().get("good").get("store").p50(), 25);
            assertEquals(500, t.entries().get("good").get("cache").p99(), 5);
            assertNull(t.entries().get("good").get("fanout"), "an entry without a duration is not timed");
            assertEquals(s.requests().get("bad").ok(), t.malformed().get("bad"), "every bad header counted");
            assertNull(t.entries().get("plain"), "no header, no entries");
        } finally {
            server.stop(0);
        }
    }
}
