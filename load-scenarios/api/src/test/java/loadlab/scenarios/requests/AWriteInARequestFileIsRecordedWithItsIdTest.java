package loadlab.scenarios.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.WriteHistory;
import loadlab.recording.WriteLog;

/**
 * {@code write:} in a request file: an answered id is taken from the response, a chosen one from
 * the request's own values (and goes with the invoke, so an unknown outcome can be looked for); a
 * 2xx is acknowledged, a 4xx failed, no answer or a 5xx unknown; a write spec without its read-back
 * path, or whose path does not name the id, is one sentence.
 */
class AWriteInARequestFileIsRecordedWithItsIdTest {
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
        return new Answer(status, name -> null, bytes, bytes.length, false);
    }

    @Test
    void answeredAndChosenIdsAndEveryOutcome() throws Exception {
        RequestMix mix = read("""
                requests:
                  - {name: create, method: POST, path: /items, body: '{"v": "item-${n}"}',
                     write: {id: $.id, verify: '/items/${id}', expect: 'item-${n}'}}
                variables:
                  n: {counter: {start: 3}}
                """);
        RequestMix put = read("""
                requests:
                  - {name: put, method: PUT, path: '/keys/${k}', write: {id: 'k-${k}', verify: '/keys/${id}?from=${k}'}}
                variables:
                  k: {counter: {start: 7}}
                """);
        Path runDir = Files.createDirectories(dir.resolve("run"));
        try (WriteLog log = new WriteLog(runDir)) {
            Iteration a = mix.start(new SplittableRandom(1));
            RequestTemplate create = a.current();
            assertTrue(create.needsBody(), "the id is in the answer's body");
            long v1 = create.write().invoke(log, create.name(), "POST", "/items", a::value);
            create.write().complete(log, v1, create.name(), 201, json(201, "{\"id\": 41}"), a::value);
            long v2 = create.write().invoke(log, create.name(), "POST", "/items", a::value);
            create.write().complete(log, v2, create.name(), 0, null, a::value);
            long v3 = create.write().invoke(log, create.name(), "POST", "/items", a::value);
            create.write().complete(log, v3, create.name(), 409, json(409, "{}"), a::value);

            Iteration b = put.start(new SplittableRandom(1));
            RequestTemplate p = b.current();
            long v4 = p.write().invoke(log, p.name(), "PUT", "/keys/7", b::value);
            p.write().complete(log, v4, p.name(), 503, null, b::value);
        }
        WriteHistory h = WriteHistory.read(runDir);
        assertEquals(WriteHistory.Outcome.OK, h.writes().get(0).outcome());
        assertEquals("41", h.writes().get(0).id());
        assertEquals("/items/41", h.writes().get(0).verify());
        assertEquals("item-3", h.writes().get(0).expect(), "what the read-back must show, from the request's own values");
        assertEquals(WriteHistory.Outcome.INFO, h.writes().get(1).outcome(), "no answer: unknown");
        assertNull(h.writes().get(1).id(), "an answered id never came");
        assertEquals(WriteHistory.Outcome.FAIL, h.writes().get(2).outcome());
        assertEquals(WriteHistory.Outcome.INFO, h.writes().get(3).outcome(), "a 5xx may have been applied");
        assertEquals("k-7", h.writes().get(3).id(), "a chosen id is known without an answer");
        assertEquals("/keys/k-7?from=7", h.writes().get(3).verify());
    }

    @Test
    void aWriteWithoutItsReadBackIsOneSentence() {
        String without = assertThrows(IllegalArgumentException.class, () -> read("""
                requests:
                  - {name: create, method: POST, path: /items, write: {id: $.id}}
                """)).getMessage();
        assertTrue(without.contains("write needs verify"), without);
        String noId = assertThrows(IllegalArgumentException.class, () -> read("""
                requests:
                  - {name: create, method: POST, path: /items, write: {id: $.id, verify: /items}}
                """)).getMessage();
        assertTrue(noId.contains("must name the write's id as ${id}"), noId);
        String constant = assertThrows(IllegalArgumentException.class, () -> read("""
                requests:
                  - {name: create, method: POST, path: /items, write: {id: same, verify: '/items/${id}'}}
                """)).getMessage();
        assertTrue(constant.contains("the same for every write"), constant);
        String unknownKey = assertThrows(IllegalArgumentException.class, () -> read("""
                requests:
                  - {name: create, method: POST, path: /items, write: {id: $.id, verify: '/items/${id}', check: yes}}
                """)).getMessage();
        assertTrue(unknownKey.contains("check"), unknownKey);
        String sameExpect = assertThrows(IllegalArgumentException.class, () -> read("""
                requests:
                  - {name: create, method: POST, path: /items, write: {id: $.id, verify: '/items/${id}', expect: constant}}
                """)).getMessage();
        assertTrue(sameExpect.contains("write expect 'constant' is the same for every write"), sameExpect);
    }
}
