package loadlab.scenarios.requests;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import loadlab.recording.WriteLog;

/**
 * What makes a request a write the client checks afterwards: where its id comes from and which
 * path reads it back. The id is either answered (a JSONPath or JSON pointer into the response, as a
 * server-assigned post id) or chosen by the client before sending (a template of the request's own
 * values, as the key of a PUT), and only a chosen id lets a write whose outcome stayed unknown be
 * looked for. The read-back path names the id as {@code ${id}}; a 2xx there means present, a 404 or
 * 410 absent.
 *
 * <p>Request files write {@code write: {id: $.id, verify: /posts/${id}}}; journeys use
 * {@link #answered} and {@link #chosen} with {@code Timing.write}.
 */
public final class WriteSpec {
    /** The place of the id in a read-back path. */
    public static final String ID = "id";

    private final JsonQuery answered;
    private final TextTemplate chosen;
    private final TextTemplate verify;

    private WriteSpec(JsonQuery answered, TextTemplate chosen, TextTemplate verify) {
        this.answered = answered;
        this.chosen = chosen;
        this.verify = verify;
    }

    /** A write whose id the target answers at {@code query} (JSONPath or JSON pointer), read back at {@code verify}. */
    public static WriteSpec answered(String query, String verify) {
        return new WriteSpec(JsonQuery.parse(query, "write id"), null, verifyPath(verify, "write verify"));
    }

    /** A write whose id the journey chose (its session attribute {@code loadlab.write.id}), read back at {@code verify}. */
    public static WriteSpec chosen(String verify) {
        return new WriteSpec(null, TextTemplate.parse("${" + ID + "}", "write id"), verifyPath(verify, "write verify"));
    }

    /** From a request file: {@code id} is a JSONPath/pointer into the answer, or a template of the request's values. */
    static WriteSpec of(String id, String verify, String where) {
        if (id == null || id.isBlank()) throw new IllegalArgumentException(where + ": write needs id (a JSONPath such as $.id, or a template such as ${key})");
        if (verify == null) throw new IllegalArgumentException(where + ": write needs verify, the path that reads the write back, such as /items/${id}");
        TextTemplate v = verifyPath(verify, where + " write verify");
        if (id.startsWith("${") || !(id.startsWith("$") || id.startsWith("/"))) {
            TextTemplate chosen = TextTemplate.parse(id, where + " write id");
            if (chosen.variables().isEmpty()) throw new IllegalArgumentException(where + ": write id '" + id + "' is the same for every write; "
                    + "use a JSONPath into the answer ($.id) or the request's variables (${key})");
            return new WriteSpec(null, chosen, v);
        }
        return new WriteSpec(JsonQuery.parse(id, where + " write id"), null, v);
    }

    private static TextTemplate verifyPath(String text, String where) {
        TextTemplate t = TextTemplate.parse(text, where);
        if (!t.variables().contains(ID)) throw new IllegalArgumentException(where + " '" + text + "' must name the write's id as ${id}");
        if (!text.startsWith("/") && !text.startsWith("${")) throw new IllegalArgumentException(where + " '" + text + "' must start with /");
        return t;
    }

    /** Whether the id is read from the answer's body. */
    public boolean needsBody() {
        return answered != null;
    }

    /** The variables the id and the read-back path use besides the id itself. */
    Set<String> variables() {
        Set<String> out = new java.util.LinkedHashSet<>(verify.variables());
        if (chosen != null) out.addAll(chosen.variables());
        out.remove(ID);
        return out;
    }

    List<String> places() {
        List<String> out = new java.util.ArrayList<>(verify.places());
        if (chosen != null) out.addAll(chosen.places());
        out.removeIf(ID::equals);
        return out;
    }

    /** The id chosen before sending, from the request's {@code values}; null when the target answers it. */
    public String chosenId(Function<String, String> values) {
        return chosen == null ? null : chosen.render(values);
    }

    /** The path that reads back {@code id}, with the request's other {@code values}. */
    public String verifyPath(String id, Function<String, String> values) {
        return verify.render(place -> ID.equals(place) ? id : values.apply(place));
    }

    /**
     * Writes the invoke of a write about to be sent and returns its number; the id and read-back
     * path go with it when the client chose the id.
     */
    public long invoke(WriteLog log, String f, String method, String path, Function<String, String> values) {
        String id = chosenId(values);
        return log.invoke(f, method, path, id, id == null ? null : verifyPath(id, values));
    }

    /**
     * Writes how write {@code value} ended: a 2xx is acknowledged (with its id: answered, or
     * chosen), a 4xx certainly not applied, anything else (no answer at all: {@code status} 0, a
     * timeout, a 5xx) unknown.
     */
    public void complete(WriteLog log, long value, String f, int status, Answer answer, Function<String, String> values) {
        String id = chosenId(values);
        if (status >= 200 && status < 300) {
            String why = null;
            if (id == null) {
                List<String> found = answer == null || answer.json() == null ? List.of() : answered.find(answer.json());
                id = found.isEmpty() ? null : found.get(0);
                if (id == null) why = "the answer has no id at " + answered;
            }
            log.ok(value, f, id, status, id == null ? null : verifyPath(id, values), why); // acknowledged, even when it cannot be found
        } else if (status >= 400 && status < 500) {
            log.fail(value, f, id, status, id == null ? null : verifyPath(id, values), "HTTP " + status);
        } else {
            log.info(value, f, id, status, id == null ? null : verifyPath(id, values), status == 0 ? "no answer" : "HTTP " + status);
        }
    }
}
