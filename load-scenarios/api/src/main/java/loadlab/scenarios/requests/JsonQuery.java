package loadlab.scenarios.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * Where in a JSON body a check looks: a JSONPath ({@code $.items[0].id}, Jayway's dialect, as
 * Gatling's {@code jsonPath} reads it) or a JSON pointer ({@code /items/0/id}, RFC 6901). Compiled
 * once when the request file is read, so a malformed one is refused before any load.
 */
final class JsonQuery {
    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(new ObjectMapper()))
            .mappingProvider(new JacksonMappingProvider(new ObjectMapper()))
            .build();

    private final String text;
    private final JsonPath path;
    private final JsonPointer pointer;

    private JsonQuery(String text, JsonPath path, JsonPointer pointer) {
        this.text = text;
        this.path = path;
        this.pointer = pointer;
    }

    /** @param where how to name the place in an error */
    static JsonQuery parse(String text, String where) {
        if (text.startsWith("$")) {
            try {
                return new JsonQuery(text, JsonPath.compile(text), null);
            } catch (InvalidPathException e) {
                String why = firstLine(e.getMessage());
                throw new IllegalArgumentException(where + ": '" + text + "' is not a JSONPath" + (why.contains("Exception") ? "" : " (" + why + ")")
                        + "; write it like $.items[0].id");
            } catch (RuntimeException e) { // the parser fails on some malformed paths with an index error instead of saying so
                throw new IllegalArgumentException(where + ": '" + text + "' is not a JSONPath; write it like $.items[0].id");
            }
        }
        if (text.isEmpty() || text.startsWith("/")) {
            try {
                return new JsonQuery(text, null, JsonPointer.compile(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + text + "' is not a JSON pointer (" + firstLine(e.getMessage()) + ")");
            }
        }
        throw new IllegalArgumentException(where + ": '" + text + "' is neither a JSONPath ($.id) nor a JSON pointer (/id)");
    }

    /** The values found, as text (strings unquoted, everything else as JSON); empty when nothing is there. */
    List<String> find(JsonNode root) {
        List<String> out = new ArrayList<>();
        if (pointer != null) {
            JsonNode n = root.at(pointer);
            if (!n.isMissingNode()) out.add(text(n));
            return out;
        }
        Object found;
        try {
            found = path.read(root, PATHS);
        } catch (PathNotFoundException e) {
            return out;
        } catch (JsonPathException e) {
            return out; // a path that does not fit this body's shape (an index into an object) finds nothing
        }
        if ((found == null || found instanceof JsonNode j && j.isNull()) && path.isDefinite() && !present(root)) return out;
        if (!(found instanceof JsonNode n)) {
            out.add(found == null ? "null" : String.valueOf(found));
            return out;
        }
        if (!path.isDefinite() && n.isArray()) n.forEach(e -> out.add(text(e)));
        else out.add(text(n));
        return out;
    }

    private static final Pattern STEP = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(-?\\d+)\\]");

    /**
     * Whether a definite path that read null names a value that is there (a JSON null) rather than
     * an index past the end of an array, which Jayway also reads as null: {@code $.posts[0]} of
     * {@code {"posts": []}} finds nothing, as in Gatling, so a check that it exists fails.
     */
    private boolean present(JsonNode root) {
        String steps = path.getPath();
        JsonNode at = root;
        Matcher m = STEP.matcher(steps);
        int from = 1; // after "$"
        while (from < steps.length()) {
            if (!m.find(from) || m.start() != from) return true; // a step this walk does not know (a function): keep Jayway's reading
            if (m.group(1) != null) {
                at = at.isObject() ? at.get(m.group(1).replace("\\'", "'")) : null;
            } else {
                int i = Integer.parseInt(m.group(2));
                at = at.isArray() && i < at.size() && i >= -at.size() ? at.get(i < 0 ? at.size() + i : i) : null;
            }
            if (at == null) return false;
            from = m.end();
        }
        return true;
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : n.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
