package loadlab.scenarios.requests;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value taken from one response into a variable of the later requests of the same arrival
 * ({@code extract: {id: {json: $.id}}}): from the JSON body, a header, or a regular expression's
 * first group (or whole match) on the body. Finding nothing is a failed check named
 * {@code extract NAME}, so the requests that need the value are not sent with a hole in them.
 */
record Extraction(String variable, ResponseCheck.Subject from, String key, JsonQuery query, Pattern regex) {

    String checkName() {
        return "extract " + variable;
    }

    /** The value, or null when the response does not have it; {@code why[0]} then says why. */
    String from(Answer answer, String[] why) {
        switch (from) {
            case HEADER -> {
                String v = answer.header(key);
                if (v == null) why[0] = "no header " + key;
                return v;
            }
            case JSON -> {
                if (answer.json() == null) {
                    why[0] = answer.jsonProblem();
                    return null;
                }
                List<String> found = query.find(answer.json());
                if (found.isEmpty()) why[0] = "json " + key + " found nothing";
                return found.isEmpty() ? null : found.get(0);
            }
            default -> {
                String body = answer.body();
                if (body == null) {
                    why[0] = answer.bodyProblem();
                    return null;
                }
                Matcher m = regex.matcher(body);
                if (!m.find()) {
                    why[0] = "regex " + regex.pattern() + " found nothing";
                    return null;
                }
                return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
        }
    }

    boolean needsBody() {
        return from != ResponseCheck.Subject.HEADER;
    }
}
