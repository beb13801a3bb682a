package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import loadlab.service.ReferenceService;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.RawHttp;

/**
 * What only a raw client sends (bytes that are not UTF-8, a request Jetty itself refuses) gets the
 * same JSON error as everything else, and HEAD answers wherever GET does.
 */
class MalformedHttpGetsTheJsonErrorTest {
    private static ReferenceService service;
    private static int port;

    @BeforeAll
    static void start() {
        service = EmbeddedService.start();
        port = service.port();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void assertJsonError(RawHttp.Reply reply, int status, String phrase) throws Exception {
        assertEquals(status, reply.status(), reply.head() + reply.body());
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/json"), reply.head());
        JsonNode json = new ObjectMapper().readTree(reply.body());
        assertEquals(status, json.path("status").asInt());
        assertTrue(json.path("error").asText().contains(phrase), "error '" + json.path("error").asText() + "' should say '" + phrase + "'");
        assertFalse(reply.body().contains("<html") || reply.body().contains("Exception"), reply.body());
    }

    @Test
    void overlongUtf8IsRefusedAndNothingIsStored() throws Exception {
        long posts = service.blocks().store().postCount();
        byte[] body = "{\"text\": \"slash \u00c0\u00af\"}".getBytes(StandardCharsets.ISO_8859_1); // C0 AF: an overlong '/'
        RawHttp.Reply reply = RawHttp.exchange(port, RawHttp.request("POST", "/users/1/posts", "Content-Type: application/json\r\n", body));
        assertJsonError(reply, 400, "not valid UTF-8");
        assertEquals(posts, service.blocks().store().postCount());
    }

    @Test
    void aSurrogateEncodedAsUtf8BytesIsRefused() throws Exception {
        byte[] body = "{\"text\": \"x\u00ed\u00a0\u0080\"}".getBytes(StandardCharsets.ISO_8859_1); // ED A0 80: U+D800 as CESU bytes
        RawHttp.Reply reply = RawHttp.exchange(port, RawHttp.request("POST", "/users/1/posts", "Content-Type: application/json\r\n", body));
        assertJsonError(reply, 400, "not valid UTF-8");
    }

    @Test
    void aRequestWithoutHostIsTheJsonError() throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "malformed");
    }

    @Test
    void aMalformedUriIsTheJsonError() throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET /users/%zz/timeline HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 400, "malformed");
    }

    @Test
    void anOverlongUriIsTheJsonError() throws Exception {
        String path = "/search?q=" + "a".repeat(20_000);
        assertJsonError(RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 414, "too long");
    }

    @Test
    void oversizedHeadersAreTheJsonError() throws Exception {
        String big = "X-Padding: " + "b".repeat(20_000) + "\r\n";
        assertJsonError(RawHttp.exchange(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big + "Connection: close\r\n\r\n"), 431, "too large");
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        for (String path : new String[] {"/health", "/users/1/timeline", "/users/1", "/metrics"}) {
            RawHttp.Reply reply = RawHttp.exchange(port, RawHttp.request("HEAD", path, "", null));
            assertEquals(200, reply.status(), path + ": " + reply.head());
            assertTrue(Integer.parseInt(reply.header("Content-Length")) > 0, path + ": " + reply.head());
            assertEquals("", reply.body(), path);
        }
        assertEquals(405, RawHttp.exchange(port, RawHttp.request("HEAD", "/users", "", null)).status(), "no GET on /users, so no HEAD");
    }
}
