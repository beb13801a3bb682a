package loadlab.scenarios.requests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a request's {@code checks:} and {@code extract:} strictly: one sentence naming the request and the check for each mistake. */
final class ResponseChecks {
    private static final Set<String> CHECK = Set.of("name", "status", "header", "json", "equals", "contains", "regex", "exists");
    private static final Set<String> EXTRACT = Set.of("json", "header", "regex");

    private ResponseChecks() {}

    /** @param env replaces {@code ${env.NAME}} in a text, given the text and where it is */
    static List<ResponseCheck> read(JsonNode node, String at, BinaryOperator<String> env) {
        List<ResponseCheck> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) return out;
        if (!node.isArray()) throw new IllegalArgumentException(at + ": checks must be a list, e.g. [{status: 200}, {json: $.id}]");
        int n = 0;
        for (JsonNode c : node) {
            n++;
            String where = at + " check " + n;
            if (!c.isObject()) throw new IllegalArgumentException(where + " must be a mapping such as {json: $.id, equals: '5'}");
            RequestFile.onlyKeys(c, CHECK, where);
            String name = RequestFile.text(c, "name", where, null);
            if (name != null) {
                if (name.isBlank()) throw new IllegalArgumentException(where + ": name must not be blank");
                where = at + " check '" + name + "'";
            }
            int subjects = (c.has("status") ? 1 : 0) + (c.has("header") ? 1 : 0) + (c.has("json") ? 1 : 0);
            if (subjects > 1) throw new IllegalArgumentException(where + " checks one thing: status, header or json (none: the body)");
            if (c.has("status")) {
                for (String k : List.of("equals", "contains", "regex", "exists")) {
                    if (c.has(k)) throw new IllegalArgumentException(where + ": a status check takes the statuses alone, e.g. status: [200, 201]");
                }
                out.add(RequestFile.statusCheck(name, statuses(c.get("status"), where)));
                continue;
            }
            ResponseCheck.Subject subject = c.has("header") ? ResponseCheck.Subject.HEADER : c.has("json") ? ResponseCheck.Subject.JSON
                    : ResponseCheck.Subject.BODY;
            String key = subject == ResponseCheck.Subject.HEADER ? RequestFile.text(c, "header", where, null)
                    : subject == ResponseCheck.Subject.JSON ? RequestFile.text(c, "json", where, null) : null;
            JsonQuery query = subject == ResponseCheck.Subject.JSON ? JsonQuery.parse(key, where) : null;
            ResponseCheck.Matcher matcher = matcher(c, subject, where, env);
            out.add(new ResponseCheck(name != null ? name : ResponseCheck.describe(subject, key, matcher), subject, key, query, matcher));
        }
        return out;
    }

    private static ResponseCheck.Matcher matcher(JsonNode c, ResponseCheck.Subject subject, String where, BinaryOperator<String> env) {
        List<String> given = new ArrayList<>();
        for (String k : List.of("equals", "contains", "regex", "exists")) if (c.has(k)) given.add(k);
        if (given.size() > 1) throw new IllegalArgumentException(where + " has " + String.join(" and ", given) + "; a check has one of them");
        if (given.isEmpty()) {
            if (subject == ResponseCheck.Subject.BODY) {
                throw new IllegalArgumentException(where + " says nothing to check; give status:, header:, json:, or for the body equals:, contains: or regex:");
            }
            return ResponseCheck.Matcher.exists(true);
        }
        String k = given.get(0);
        JsonNode v = c.get(k);
        if (k.equals("exists")) {
            if (!v.isBoolean()) throw new IllegalArgumentException(where + ": exists is true or false");
            if (subject == ResponseCheck.Subject.BODY) throw new IllegalArgumentException(where + ": exists needs header: or json:");
            return ResponseCheck.Matcher.exists(v.asBoolean());
        }
        if (!v.isValueNode() || v.isNull()) throw new IllegalArgumentException(where + ": " + k + " must be a single value");
        String text = env.apply(v.asText(), where);
        return switch (k) {
            case "equals" -> new ResponseCheck.Matcher(ResponseCheck.Matcher.Kind.EQUALS, text, null, null);
            case "contains" -> new ResponseCheck.Matcher(ResponseCheck.Matcher.Kind.CONTAINS, text, null, null);
            default -> new ResponseCheck.Matcher(ResponseCheck.Matcher.Kind.REGEX, text, regex(text, where), null);
        };
    }

    private static Set<Integer> statuses(JsonNode v, String where) {
        Set<Integer> out = new LinkedHashSet<>();
        for (JsonNode s : v.isArray() ? v : List.of(v)) {
            if (!s.isInt() || s.asInt() < 100 || s.asInt() > 599) {
                throw new IllegalArgumentException(where + ": status must be an HTTP status such as 200, or a list such as [200, 201]");
            }
            out.add(s.asInt());
        }
        if (out.isEmpty()) throw new IllegalArgumentException(where + ": status needs at least one status");
        return out;
    }

    private static Pattern regex(String text, String where) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a regular expression (" + e.getDescription() + " at index "
                    + e.getIndex() + ")");
        }
    }

    static List<Extraction> extractions(JsonNode node, String at) {
        List<Extraction> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) return out;
        if (!node.isObject()) throw new IllegalArgumentException(at + ": extract must be a mapping such as {post: {json: $.id}}");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String variable = e.getKey();
            String where = at + " extract '" + variable + "'";
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException(where + ": a name is letters, digits and _");
            if (variable.equals("env")) throw new IllegalArgumentException(where + ": 'env' names the environment; choose another name");
            JsonNode spec = e.getValue();
            if (!spec.isObject() || spec.size() != 1 || !EXTRACT.contains(spec.fieldNames().next())) {
                throw new IllegalArgumentException(where + " must be one of {json: $.id}, {header: Location} or {regex: 'id=(\\\\d+)'}");
            }
            String kind = spec.fieldNames().next();
            String key = RequestFile.text(spec, kind, where, null);
            if (key == null) throw new IllegalArgumentException(where + ": " + kind + " needs a value");
            out.add(switch (kind) {
                case "json" -> new Extraction(variable, ResponseCheck.Subject.JSON, key, JsonQuery.parse(key, where), null);
                case "header" -> new Extraction(variable, ResponseCheck.Subject.HEADER, key, null, null);
                default -> new Extraction(variable, ResponseCheck.Subject.BODY, key, null, regex(key, where));
            });
        }
        return out;
    }
}
