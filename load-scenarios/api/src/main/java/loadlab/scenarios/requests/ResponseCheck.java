package loadlab.scenarios.requests;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One named check of a request file on a response: its subject (the status, a header, a value in
 * the JSON body, or the whole body) and what it must be. A check that does not hold fails its
 * request with cause {@code check} (or the status class, for a 4xx/5xx status), and says why in
 * one line.
 *
 * @param name    as written, or described from the check ("json $.id exists")
 * @param subject where it looks
 * @param key     the header name or JSON query text; null for status and body
 * @param query   the compiled JSON query, for {@link Subject#JSON}
 * @param matcher what it must be
 */
record ResponseCheck(String name, Subject subject, String key, JsonQuery query, Matcher matcher) {

    enum Subject { STATUS, HEADER, JSON, BODY }

    /**
     * What a found value must be: one of the status codes ({@code statuses}), equal to, containing or
     * matching a text, or merely there (or not there, {@code exists: false}).
     */
    record Matcher(Kind kind, String text, Pattern regex, Set<Integer> statuses, TextTemplate expected) {
        enum Kind { STATUSES, EQUALS, CONTAINS, REGEX, EXISTS, ABSENT }

        Matcher(Kind kind, String text, Pattern regex, Set<Integer> statuses) {
            this(kind, text, regex, statuses, text == null || regex != null ? null : TextTemplate.parse(text, "the check's " + kind.name().toLowerCase()));
        }

        static Matcher exists(boolean there) {
            return new Matcher(there ? Kind.EXISTS : Kind.ABSENT, null, null, null);
        }

        /** @param values the arrival's variables, for a text such as {@code ${author}} */
        boolean holds(String value, Function<String, String> values) {
            return switch (kind) {
                case STATUSES -> statuses.contains(Integer.parseInt(value));
                case EQUALS -> value.equals(expected.render(values));
                case CONTAINS -> value.contains(expected.render(values));
                case REGEX -> regex.matcher(value).find();
                case EXISTS -> true;
                case ABSENT -> false;
            };
        }

        String describe() {
            return switch (kind) {
                case STATUSES -> statuses.size() == 1 ? "is " + statuses.iterator().next() : "in " + statuses;
                case EQUALS -> "equals " + text;
                case CONTAINS -> "contains " + text;
                case REGEX -> "matches " + regex.pattern();
                case EXISTS -> "exists";
                case ABSENT -> "is absent";
            };
        }
    }

    /** The name a check gets when the file gives none. */
    static String describe(Subject subject, String key, Matcher matcher) {
        return switch (subject) {
            case STATUS -> "status " + matcher.describe();
            case HEADER -> "header " + key + " " + matcher.describe();
            case JSON -> "json " + key + " " + matcher.describe();
            case BODY -> "body " + matcher.describe();
        };
    }

    /** The variables its text names ({@code equals: '${author}'}). */
    Set<String> variables() {
        return matcher.expected() == null ? Set.of() : matcher.expected().variables();
    }

    /** Why the check does not hold on {@code answer}, in one line; null when it holds. */
    String failure(Answer answer, Function<String, String> values) {
        List<String> found;
        switch (subject) {
            case STATUS -> found = List.of(Integer.toString(answer.status()));
            case HEADER -> {
                String v = answer.header(key);
                found = v == null ? List.of() : List.of(v);
            }
            case JSON -> {
                if (answer.json() == null) return answer.jsonProblem();
                found = query.find(answer.json());
            }
            default -> {
                String body = answer.body();
                if (body == null) return answer.bodyProblem();
                found = List.of(body);
            }
        }
        if (matcher.kind() == Matcher.Kind.ABSENT) return found.isEmpty() ? null : "found " + shown(found.get(0));
        if (found.isEmpty()) return "found nothing";
        for (String v : found) if (matcher.holds(v, values)) return null;
        return "found " + shown(found.get(0)) + (found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : "");
    }

    private static String shown(String v) {
        String one = v.replace('\n', ' ');
        return one.length() > 80 ? one.substring(0, 79) + "…" : one;
    }
}
