package loadlab.service.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * JSON in and out, snake_case on the wire. Input is read strictly, because whatever is accepted
 * is stored and acknowledged: the body must be well-formed UTF-8 (no overlong forms, no encoded
 * surrogates), one JSON object with no duplicate keys and nothing after it, and every field of the
 * type and range asked for. Anything else is a 400 with one sentence.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object whose keys are all among {@code allowed}, or a 400 that says what is wrong with it. */
    public static JsonNode object(byte[] body, Set<String> allowed) {
        if (body.length == 0) throw ApiException.badRequest("the request needs a JSON object body");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not valid UTF-8; send JSON encoded as UTF-8");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + firstLine(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (node == null || !node.isObject()) throw ApiException.badRequest("the body must be a JSON object");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field \"" + name + "\"; this endpoint takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return node;
    }

    /** A required string that the store can hold as given: not blank, at most {@code max} characters, no NUL, no lone surrogate. */
    public static String text(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) throw ApiException.badRequest("the body needs a \"" + field + "\" string");
        if (!node.isTextual()) throw ApiException.badRequest("\"" + field + "\" must be a string");
        String value = node.asText();
        if (value.isBlank()) throw ApiException.badRequest("\"" + field + "\" must not be blank");
        if (value.length() > max) throw ApiException.badRequest("\"" + field + "\" must be at most " + max + " characters");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) throw ApiException.badRequest("\"" + field + "\" must not contain the NUL character (\\u0000)");
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.badRequest("\"" + field + "\" contains a lone UTF-16 surrogate (\\u" + Integer.toHexString(c)
                        + ") that is not a character; send valid Unicode text");
            }
        }
        return value;
    }

    /** An optional whole number from {@code min} to {@code max}; 1.5, 1e3 written as a fraction, or "5" are refused. */
    public static long integer(JsonNode body, String field, long fallback, long min, long max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return fallback;
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw ApiException.badRequest("\"" + field + "\" must be a whole number from " + min + " to " + max);
        }
        return node.asLong();
    }

    /** An optional number from 0 to 1. */
    public static double probability(JsonNode body, String field, double fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return fallback;
        if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() <= 1)) {
            throw ApiException.badRequest("\"" + field + "\" must be a number between 0 and 1");
        }
        return node.asDouble();
    }

    /** An optional true or false; "yes", 1 or "true" are refused. */
    public static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return fallback;
        if (!node.isBoolean()) throw ApiException.badRequest("\"" + field + "\" must be true or false");
        return node.asBoolean();
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
