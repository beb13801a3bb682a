package loadlab.scenarios.requests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * A response as checks and extractions read it: its status, its headers and, when a check of the
 * request needs it, its body (at most {@link #MAX_BODY} bytes kept). The body is parsed as JSON
 * once, on the first check that asks.
 */
public final class Answer {
    /** A body larger than this is not kept: a check on it fails, saying so, rather than the injector's heap growing. */
    public static final int MAX_BODY = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final UnaryOperator<String> headers;
    private final byte[] body;
    private final int bodyLength;
    private final boolean bodyTooLarge;
    private JsonNode json;
    private String jsonProblem;

    /**
     * @param headers a header's value by name, or null when they were not kept
     * @param body    the exchange's buffer, read only up to {@code bodyLength} and only while the answer is judged; null when not kept
     */
    public Answer(int status, UnaryOperator<String> headers, byte[] body, int bodyLength, boolean bodyTooLarge) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.bodyLength = bodyLength;
        this.bodyTooLarge = bodyTooLarge;
    }

    int status() {
        return status;
    }

    /** A header's value, or null. */
    String header(String name) {
        return headers == null ? null : headers.apply(name);
    }

    /** The body as text, or null with {@link #bodyProblem()} saying why. */
    String body() {
        return body == null || bodyTooLarge ? null : new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    String bodyProblem() {
        return bodyTooLarge ? "the body is larger than " + MAX_BODY / (1024 * 1024) + " MiB, which checks do not read" : "there is no body";
    }

    /** The body as JSON, or null with {@link #jsonProblem()} saying why. */
    JsonNode json() {
        if (json == null && jsonProblem == null) {
            String text = body();
            if (text == null) jsonProblem = bodyProblem();
            else {
                try {
                    json = JSON.readTree(text);
                    if (json == null || json.isMissingNode()) jsonProblem = "the body is empty, not JSON";
                } catch (IOException e) {
                    jsonProblem = "the body is not JSON";
                }
            }
        }
        return json;
    }

    String jsonProblem() {
        return jsonProblem;
    }
}
