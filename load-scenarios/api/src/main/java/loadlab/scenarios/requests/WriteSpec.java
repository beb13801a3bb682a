package loadlab.scenarios.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * 410 absent. With {@code expect} (text the write put in the target, such as a unique token in a
 * post's text) a 2xx counts only when its body shows that text: an id given out again after a crash
 * then reads as what it is, another write.
 *
 * <p>Request files write {@code write: {id: $.id, verify: /posts/${id}, expect: 'tok-${n}'}};
 * journeys use {@link #answered} and {@link #chosen} with {@code Timing.write}, and
 * {@link #expecting} with the session attribute {@code Timing.WRITE_VALUE} as {@code ${value}}.
 */
public final class WriteSpec {
    /** The place of the id in a read-back path. */
    public static final String ID = "id";

    /** The place of a journey's write value ({@code Timing.WRITE_VALUE}) in {@link #expecting}. */
    public static final String VALUE = "value";

    private final JsonQuery answered;
    private final TextTemplate chosen;
    private final TextTemplate verify;
    private final TextTemplate expect;

    private WriteSpec(JsonQuery answered, TextTemplate chosen, TextTemplate verify, TextTemplate expect) {
        this.answered = answered;
        this.chosen = chosen;
        this.verify = verify;
        this.expect = expect;
    }

    /** The same write, whose read-back must show {@code template} (rendered from the request's values) to count as present. */
    public WriteSpec expecting(String template) {
        TextTemplate t = TextTemplate.parse(template, "write expect");
        if (t.variables().isEmpty()) throw new IllegalArgumentException("write expect '" + template + "' is the same for every write; "
                + "make it unique per write with a variable");
        return new WriteSpec(answered, chosen, verify, t);
    }

    /** A write whose id the target answers at {@code query} (JSONPath or JSON pointer), read back at {@code verify}. */
    public static WriteSpec answered(String query, String verify) {
        return new WriteSpec(JsonQuery.parse(query, "write id"), null, verifyPath(verify, "write verify"), null);
    }

    /** A write whose id the journey chose (its session attribute {@code loadlab.write.id}), read back at {@code verify}. */
    public static WriteSpec chosen(String verify) {
        return new WriteSpec(null, TextTemplate.parse("${" + ID + "}", "write id"), verifyPath(verify, "write verify"), null);
    }

    /** From a request file: {@code id} is a JSONPath/pointer into the answer, or a template of the request's values. */
    static WriteSpec of(String id, String verify, String expect, String where) {
        WriteSpec spec = of(id, verify, where);
        if (expect == null) return spec;
        try {
            return spec.expecting(expect);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static WriteSpec of(String id, String verify, String where) {
        if (id == null || id.isBlank()) throw new IllegalArgumentException(where + ": write needs id (a JSONPath such as $.id, or a template such as ${key})");
        if (verify == null) throw new IllegalArgumentException(where + ": write needs verify, the path that reads the write back, such as /items/${id}");
        TextTemplate v = verifyPath(verify, where + " write verify");
        if (id.startsWith("${") || !(id.startsWith("$") || id.startsWith("/"))) {
            TextTemplate chosen = TextTemplate.parse(id, where + " write id");
            if (chosen.variables().isEmpty()) throw new IllegalArgumentException(where + ": write id '" + id + "' is the same for every write; "
                    + "use a JSONPath into the answer ($.id) or the request's variables (${key})");
            return new WriteSpec(null, chosen, v, null);
        }
        return new WriteSpec(JsonQuery.parse(id, where + " write id"), null, v, null);
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
        Set<String> out = new LinkedHashSet<>(verify.variables());
        if (chosen != null) out.addAll(chosen.variables());
        if (expect != null) out.addAll(expect.variables());
        out.remove(ID);
        return out;
    }

    List<String> places() {
        List<String> out = new ArrayList<>(verify.places());
        if (chosen != null) out.addAll(chosen.places());
        if (expect != null) out.addAll(expect.places());
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
        return log.invoke(f, method, path, id, id == null ? null : verifyPath(id, values), expect == null ? null : expect.render(values));
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
