package loadlab.injector.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.recording.Verification;
import loadlab.testkit.LoopbackServers;

/**
 * After the load, the target is asked whether it kept every acknowledged write: asked again while
 * it converges, not again once a write is lost, and any answer that cannot be read is recorded as
 * unchecked with the reason, never as a pass.
 */
class TheTargetIsAskedWhetherItKeptItsWritesTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger asked = new AtomicInteger();

    /** Serves the given answers in turn (the last one again and again) with the given status. */
    private URI answering(int status, String... answers) throws IOException {
        server = LoopbackServers.http(16);
        server.createContext("/verify", exchange -> {
            int n = asked.getAndIncrement();
            byte[] body = answers[Math.min(n, answers.length - 1)].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/verify");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void aTargetStillConvergingIsAskedAgainUntilItHasConverged() throws Exception {
        URI url = answering(200,
                "{\"acknowledged\": 40, \"lost\": 0, \"missing\": 7, \"pending\": 3, \"converged\": false}",
                "{\"acknowledged\": 40, \"lost\": 0, \"missing\": 2, \"pending\": 1, \"converged\": false}",
                "{\"acknowledged\": 40, \"lost\": 0, \"missing\": 0, \"pending\": 0, \"converged\": true, \"convergence_p99_ms\": 12.5}");
        Verification v = new DurabilityCheck(url, Duration.ofSeconds(30)).check(dir);
        assertEquals(3, asked.get());
        assertEquals(Verification.Verdict.KEPT, v.verdict());
        assertEquals(40, v.acknowledged());
        assertEquals(12.5, v.convergenceP99Ms());
        assertEquals(v, Verification.read(dir), "verification.json holds what was found");
    }

    @Test
    void aLostWriteIsFinalSoItIsNotAskedAgain() throws Exception {
        URI url = answering(200, "{\"acknowledged\": 40, \"lost\": 2, \"missing\": 2, \"converged\": false}");
        Verification v = new DurabilityCheck(url, Duration.ofSeconds(30)).check(dir);
        assertEquals(1, asked.get());
        assertEquals(Verification.Verdict.LOST, v.verdict());
        assertTrue(v.sentence().contains("2 of 40 acknowledged writes LOST"), v.sentence());
    }

    @Test
    void derivedDataThatNeverConvergeAreReportedWhenTheWaitRunsOut() throws Exception {
        URI url = answering(200, "{\"acknowledged\": 40, \"lost\": 0, \"missing\": 5, \"pending\": 5, \"converged\": false}");
        Verification v = new DurabilityCheck(url, Duration.ofMillis(700)).check(dir);
        assertTrue(asked.get() >= 2, "asked more than once within the wait: " + asked.get());
        assertEquals(Verification.Verdict.NOT_CONVERGED, v.verdict());
        assertTrue(v.sentence().startsWith("5 of 40 acknowledged writes not visible in all derived data (5 events pending)"), v.sentence());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                     | 200 | <html>ok</html>                                         | did not answer JSON
            not an object                | 200 | [1, 2]                                                  | did not answer a JSON object
            no acknowledged              | 200 | {"lost": 0, "converged": true}                          | needs whole numbers 'acknowledged' and 'lost'
            a fraction                   | 200 | {"acknowledged": 4.5, "lost": 0, "converged": true}     | needs whole numbers
            lost above acknowledged      | 200 | {"acknowledged": 1, "lost": 2, "converged": false}      | lost no more than acknowledged
            converged as text            | 200 | {"acknowledged": 1, "lost": 0, "converged": "yes"}      | a true or false 'converged'
            an error status              | 503 | {"acknowledged": 1, "lost": 0, "converged": true}       | answered HTTP 503
            """)
    void anAnswerThatCannotBeReadIsUncheckedNeverAPass(String what, int status, String answer, String expected) throws Exception {
        URI url = answering(status, answer);
        Verification v = new DurabilityCheck(url, Duration.ofSeconds(30)).check(dir);
        assertEquals(Verification.Verdict.UNCHECKED, v.verdict(), what);
        assertNotNull(v.error());
        assertTrue(v.sentence().contains(expected), v.sentence());
        assertNull(v.acknowledged());
    }

    @Test
    void aTargetThatDoesNotAnswerIsUnchecked() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Verification v = new DurabilityCheck(URI.create("http://127.0.0.1:" + closedPort + "/verify"), Duration.ofSeconds(30)).check(dir);
        assertEquals(Verification.Verdict.UNCHECKED, v.verdict());
        assertTrue(v.sentence().contains("did not answer"), v.sentence());
    }
}
