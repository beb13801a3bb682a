package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.service.ReferenceService;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;

/** Malformed requests get a 4xx with one JSON sentence, never a stack trace, and change nothing. */
class BadRequestsGetOneClearJsonErrorTest {
    private static ReferenceService service;
    private static URI base;

    @BeforeAll
    static void start() {
        service = EmbeddedService.start();
        base = service.uri();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "POST  | /users                 | {not json             | 400 | not valid JSON",
            "POST  | /users                 | [1,2]                 | 400 | must be a JSON object",
            "POST  | /users                 |                       | 400 | needs a JSON object",
            "POST  | /users                 | {\"name\": 42}        | 400 | must be a string",
            "POST  | /users                 | {\"name\": \"  \"}    | 400 | must not be blank",
            "POST  | /users                 | {\"nom\": \"x\"}      | 400 | unknown field \"nom\"",
            "POST  | /users                 | {\"name\": \"x\", \"admin\": true} | 400 | unknown field \"admin\"",
            "POST  | /users                 | {\"name\": \"x\"} trailing | 400 | not valid JSON",
            "POST  | /users                 | {\"name\": \"a\", \"name\": \"b\"} | 400 | Duplicate field",
            "POST  | /users                 | {\"name\": \"a\\u0000b\"} | 400 | NUL",
            "POST  | /users/1/posts         | {\"text\": \"a\\u0000b\"} | 400 | NUL",
            "POST  | /users/1/posts         | {\"text\": \"lone \\ud800 surrogate\"} | 400 | lone UTF-16 surrogate",
            "POST  | /users/1/posts         | {\"text\": \"lone \\udc00\"} | 400 | lone UTF-16 surrogate",
            "GET   | /users/+5/timeline     |                       | 400 | must be a positive integer",
            "GET   | /users/05/timeline     |                       | 400 | must be a positive integer",
            "GET   | /users/1/timeline?before=%2B9 |                | 400 | before '+9'",
            "PUT   | /admin/faults/store    | {\"down\": \"yes\"}   | 400 | true or false",
            "PUT   | /admin/faults/store    | {\"latency_ms\": 1.5}  | 400 | whole number",
            "PUT   | /admin/faults/store    | {\"slow\": true}      | 400 | unknown field",
            "POST  | /admin/stall           | {\"duration_ms\": 600000.9} | 400 | whole number from 1 to 60000",
            "POST  | /admin/stall           | {\"duration_ms\": 60001} | 400 | whole number from 1 to 60000",
            "POST  | /admin/stall           | {\"duration_ms\": \"5\"} | 400 | whole number",
            "GET   | /admin/verify?posts=%2B5 |                     | 400 | posts '+5'",
            "POST  | /users/1/posts         | {\"text\": null}      | 400 | needs a \"text\"",
            "GET   | /users/abc/timeline    |                       | 400 | must be a positive integer",
            "GET   | /users/-3/timeline     |                       | 400 | must be a positive integer",
            "GET   | /users/1/timeline?limit=0    |                 | 400 | from 1 to 200",
            "GET   | /users/1/timeline?limit=9999 |                 | 400 | from 1 to 200",
            "GET   | /users/1/timeline?before=x   |                 | 400 | before 'x'",
            "GET   | /search                |                       | 400 | needs a query",
            "PUT   | /users/3/following/3   |                       | 400 | cannot follow themselves",
            "GET   | /users/999999/timeline |                       | 404 | no user with id 999999",
            "POST  | /users/999999/posts    | {\"text\": \"hi\"}    | 404 | no user with id 999999",
            "PUT   | /users/1/following/999999 |                    | 404 | no user with id 999999",
            "GET   | /nowhere               |                       | 404 | no such endpoint",
            "DELETE| /users                 |                       | 405 | not allowed",
            "PUT   | /admin/faults/disk     | {\"down\": true}      | 400 | unknown block 'disk'",
            "PUT   | /admin/faults/store    | {\"error_probability\": 2} | 400 | between 0 and 1",
            "POST  | /admin/stall           | {\"duration_ms\": 0}  | 400 | duration_ms",
            "GET   | /admin/verify?posts=x  |                       | 400 | posts 'x'",
    })
    void isRefusedWithOneJsonSentence(String method, String path, String body, int status, String phrase) {
        long usersBefore = service.blocks().store().userCount();
        HttpCall.Reply reply = HttpCall.send(base, method, path, body);
        assertEquals(status, reply.status(), reply.body());
        JsonNode json = reply.json();
        String error = json.path("error").asText();
        assertTrue(error.contains(phrase), "error '" + error + "' should say '" + phrase + "'");
        assertEquals(status, json.path("status").asInt());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), "no stack trace: " + reply.body());
        assertEquals(usersBefore, service.blocks().store().userCount(), "a refused request changes nothing");
    }

    @ParameterizedTest
    @CsvSource({"70000"})
    void anOversizedBodyIsRefused(int size) {
        HttpCall.Reply reply = HttpCall.send(base, "POST", "/users", "{\"name\":\"" + "x".repeat(size) + "\"}");
        assertEquals(413, reply.status());
        assertTrue(reply.json().path("error").asText().contains("at most"));
    }
}
