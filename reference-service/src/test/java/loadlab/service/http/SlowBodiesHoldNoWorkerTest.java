package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.support.Await;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.service.support.RawHttp;

/**
 * Clients that send a request body slowly hold no worker: with many more such connections open
 * than there are workers, cached reads and health keep answering, and a body that has not arrived
 * by its deadline is refused with 408 and its connection closed.
 */
class SlowBodiesHoldNoWorkerTest {
    private static final String HEAD = "POST /users/1/posts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"text\": \"";

    private static Socket slowClient(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    @Test
    void readsAndHealthAnswerWhileManySlowBodiesAreOpen() throws Exception {
        try (ReferenceService service = EmbeddedService.start(EmbeddedService.config()
                .withShedding(512, Duration.ofMillis(500), 4).withBodyTimeout(Duration.ofSeconds(60)))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 120; i++) slow.add(slowClient(service.port()));
                Await.until("every slow request has reached the server and holds its admission place",
                        () -> service.api().inFlight() == 120);
                for (int i = 0; i < 50; i++) {
                    HttpCall.Reply timeline = HttpCall.get(service.uri(), "/users/" + (i % 40 + 1) + "/timeline");
                    assertEquals(200, timeline.status(), timeline.body());
                }
                assertEquals(200, HttpCall.get(service.uri(), "/health").status());
            } finally {
                for (Socket s : slow) s.close();
            }
        }
    }

    @Test
    void aBodyThatMissesItsDeadlineIsRefusedWith408AndItsConnectionClosed() throws Exception {
        try (ReferenceService service = EmbeddedService.start(EmbeddedService.config().withBodyTimeout(Duration.ofMillis(300)));
             Socket s = slowClient(service.port())) {
            long posts = service.blocks().store().postCount();
            RawHttp.Reply reply = RawHttp.read(s.getInputStream());
            assertEquals(408, reply.status(), reply.head() + reply.body());
            assertTrue(reply.body().contains("did not arrive within 300 ms"), reply.body());
            assertEquals("close", reply.header("Connection"));
            assertEquals(-1, s.getInputStream().read(), "the connection is closed");
            assertEquals(posts, service.blocks().store().postCount());
            assertEquals(0, service.api().inFlight(), "the refused request gave its place back");
        }
    }
}
