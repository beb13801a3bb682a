package loadlab.scenarios.requests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.ErrorCause;

/**
 * What a request file means is decided here, apart from the engine that sends it: an arrival's
 * sequence renders each request with its variables in place, judges each answer by the file's
 * checks, and carries an extracted value into the next request; and the injector's encoder gets
 * everything it needs from {@link OutgoingRequest} (method, target, headers in order, body, and
 * whether Content-Length goes with it).
 */
class ARequestFileRendersAndJudgesWithoutANetworkTest {
    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");

    @TempDir
    Path dir;

    private RequestMix read(String yaml) throws Exception {
        Path file = dir.resolve("requests.yaml");
        Files.writeString(file, yaml);
        return RequestFile.read(file, TARGET, Map.of());
    }

    private static Answer json(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Answer(status, name -> name.equalsIgnoreCase("Content-Type") ? "application/json" : null, bytes, bytes.length, false);
    }

    @Test
    void aSequenceRendersItsRequestsInOrderWithTheValueTheFirstExtracted() throws Exception {
        RequestMix mix = read("""
                requests:
                  - sequence:
                      - {name: post, method: POST, path: '/users/${user}/posts', headers: {X-Trace: 't-${user}'},
                         body: '{"text": "hi"}', expect: 201, extract: {post: {json: $.id}}}
                      - {name: read-back, path: '/users/${user}/posts/${post}'}
                variables:
                  user: {counter: {start: 7}}
                """);
        Iteration arrival = mix.start(new SplittableRandom(1));

        OutgoingRequest post = arrival.render();
        assertEquals("POST", post.method());
        assertEquals("/users/7/posts", post.target());
        assertEquals(Map.of("X-Trace", "t-7"), post.headers());
        assertArrayEquals("{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_8), post.body());
        assertTrue(post.declaresLength());

        List<String> checked = new ArrayList<>();
        ErrorCause cause = arrival.current().judge(json(201, "{\"id\": 42}"), (tag, check, failure) -> checked.add(check + (failure == null ? " ok" : " failed")),
                arrival.extracted(), arrival::value);
        assertNull(cause, "a 201 with an id passes its status check and its extraction");
        assertEquals(2, checked.size(), "the status check and the extraction are each counted: " + checked);

        assertTrue(arrival.advance());
        OutgoingRequest readBack = arrival.render();
        assertEquals("GET", readBack.method());
        assertEquals("/users/7/posts/42", readBack.target(), "the same user, and the id the first answer carried");
        assertFalse(readBack.declaresLength(), "a GET without a body sends no Content-Length");
        assertFalse(arrival.advance(), "the sequence has two requests");
    }

    @Test
    void aFailedCheckIsACheckFailureAndAFailedStatusKeepsItsClass() throws Exception {
        RequestMix mix = read("""
                requests:
                  - {name: feed, path: /feed, checks: [{name: has posts, json: '$.posts[0]'}]}
                """);
        Iteration arrival = mix.start(new SplittableRandom(1));
        RequestTemplate feed = arrival.current();
        assertNull(feed.judge(json(200, "{\"posts\": [1]}"), null, null, arrival::value));
        assertEquals(ErrorCause.CHECK, feed.judge(json(200, "{\"posts\": []}"), null, null, arrival::value));
        assertEquals(ErrorCause.ofStatus(503), feed.judge(json(503, "{\"posts\": [1]}"), null, null, arrival::value),
                "without a status check, a 5xx is a failure by its class, not a check failure");
    }

    @Test
    void aMethodThatIsNotAnHttpTokenIsOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestTemplate.of(TARGET, "GE T", Map.of(), null));
        assertTrue(e.getMessage().contains("'GE T' is not an HTTP method"), e.getMessage());
    }
}
