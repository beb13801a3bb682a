package loadlab.scenarios.requests;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import loadlab.recording.ErrorCause;
import loadlab.recording.RequestName;

/**
 * One named request of a workload: method, path and query, headers and body, each of which may
 * hold variables (drawn per arrival, or extracted from an earlier response of the same arrival);
 * how often it is picked (weight); the checks its response must pass (without a status check, any
 * 1xx-3xx status is a success) and the values it extracts for the requests after it.
 */
public final class RequestTemplate {
    private final String name;
    private final String tag;
    private final String method;
    private final TextTemplate path;
    private final Map<String, TextTemplate> headers;
    private final TextTemplate body;
    private final List<ResponseCheck> checks;
    private final List<Extraction> extractions;
    private final ResponseCheck statusCheck;
    private final boolean needsBody;
    private final boolean needsHeaders;
    private final double weight;
    private final List<String> usedNames;
    private final WriteSpec write;

    RequestTemplate(String name, String method, String path, Map<String, String> headers, String body, List<ResponseCheck> checks,
                    List<Extraction> extractions, double weight) {
        this(name, method, path, headers, body, checks, extractions, weight, null);
    }

    RequestTemplate(String name, String method, String path, Map<String, String> headers, String body, List<ResponseCheck> checks,
                    List<Extraction> extractions, double weight, WriteSpec write) {
        this.name = name;
        this.tag = RequestName.tag(name); // one sentence if the name cannot be recorded
        String where = "request '" + name + "'";
        if (method == null || !method.matches(OutgoingRequest.TOKEN)) {
            throw new IllegalArgumentException(where + " method '" + method + "' is not an HTTP method; write one such as GET or POST");
        }
        this.method = method;
        if (!path.startsWith("/") && !path.startsWith("${")) {
            throw new IllegalArgumentException(where + " path '" + path + "' must start with / (or be a variable such as an extracted Location)");
        }
        this.path = TextTemplate.parse(path, where + " path");
        this.headers = new LinkedHashMap<>();
        headers.forEach((k, v) -> this.headers.put(k, TextTemplate.parse(v, where + " header " + k)));
        this.body = body == null ? null : TextTemplate.parse(body, where + " body");
        this.checks = List.copyOf(checks);
        this.extractions = List.copyOf(extractions);
        this.statusCheck = this.checks.stream().filter(c -> c.subject() == ResponseCheck.Subject.STATUS).findFirst().orElse(null);
        this.needsBody = this.checks.stream().anyMatch(c -> c.subject() == ResponseCheck.Subject.JSON || c.subject() == ResponseCheck.Subject.BODY)
                || this.extractions.stream().anyMatch(Extraction::needsBody) || (write != null && write.needsBody());
        this.write = write;
        this.needsHeaders = this.checks.stream().anyMatch(c -> c.subject() == ResponseCheck.Subject.HEADER)
                || this.extractions.stream().anyMatch(e -> !e.needsBody());
        if (!(weight > 0)) throw new IllegalArgumentException(where + " weight must be a positive number");
        this.weight = weight;
        Set<String> names = new LinkedHashSet<>(this.path.variables());
        for (TextTemplate h : this.headers.values()) names.addAll(h.variables());
        if (this.body != null) names.addAll(this.body.variables());
        for (ResponseCheck c : this.checks) names.addAll(c.variables());
        if (write != null) names.addAll(write.variables());
        this.usedNames = List.copyOf(names);
    }

    /** {@code GET} of a URL's path and query, the {@code --target} case. */
    public static RequestTemplate get(URI url) {
        return of(url, "GET", Map.of(), null);
    }

    /** One request from the command line: {@code --method}, {@code --header}, {@code --body}. */
    public static RequestTemplate of(URI url, String method, Map<String, String> headers, String body) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        return new RequestTemplate(method, method, path.replace("${", "$${"), headers, body == null ? null : body.replace("${", "$${"),
                List.of(), List.of(), 1);
    }

    /**
     * Checks that every variable this request names is defined: among the file's variables, or
     * extracted by an earlier request of its sequence; one sentence for one that is not.
     */
    void bind(Map<String, Variable> variables, Set<String> extractedBefore) {
        for (String n : usedNames) {
            if (extractedBefore.contains(n)) {
                for (String place : places()) {
                    if (place.startsWith(n + ".")) throw new IllegalArgumentException("request '" + name + "' uses ${" + place + "}, but " + n
                            + " is an extracted value, not a CSV row");
                }
                continue;
            }
            Variable v = variables.get(n);
            if (v == null) throw new IllegalArgumentException("request '" + name + "' uses ${" + n + "}, which is not among the variables"
                    + (variables.isEmpty() ? " (there are none)" : " (" + String.join(", ", variables.keySet()) + ")")
                    + (extractedBefore.isEmpty() ? "" : " nor extracted before it (" + String.join(", ", extractedBefore) + ")"));
            if (!(v instanceof Variable.CsvRows)) {
                for (String place : places()) {
                    if (place.startsWith(n + ".")) throw new IllegalArgumentException("request '" + name + "' uses ${" + place + "}, but " + n
                            + " is not a CSV row");
                }
            } else {
                Variable.CsvRows rows = (Variable.CsvRows) v;
                for (String place : places()) {
                    if (place.startsWith(n + ".") && !rows.columns().contains(place.substring(n.length() + 1))) {
                        throw new IllegalArgumentException("request '" + name + "' uses ${" + place + "}, but the CSV has no such column ("
                                + String.join(", ", rows.columns()) + ")");
                    }
                }
            }
        }
    }

    /** The variable names it uses (a CSV row's variable without its column). */
    List<String> variableNames() {
        return usedNames;
    }

    private List<String> places() {
        List<String> out = new ArrayList<>(path.places());
        for (TextTemplate h : headers.values()) out.addAll(h.places());
        if (body != null) out.addAll(body.places());
        for (ResponseCheck c : checks) if (c.matcher().expected() != null) out.addAll(c.matcher().expected().places());
        if (write != null) out.addAll(write.places());
        return out;
    }

    /** The request with {@code values} (place to text) in place. */
    OutgoingRequest render(Function<String, String> values) {
        byte[] content = body == null ? OutgoingRequest.NO_BODY : body.render(values).getBytes(StandardCharsets.UTF_8);
        String target = path.render(values);
        Map<String, String> rendered = headers.isEmpty() ? Map.of() : new LinkedHashMap<>(headers.size() * 2);
        headers.forEach((k, v) -> rendered.put(k, v.render(values)));
        return new OutgoingRequest(method, target.startsWith("/") ? target : "/" + target, rendered, content);
    }

    /** Where each check's outcome goes: the recorder, under this request's tag. */
    public interface CheckSink {
        void checked(String tag, String check, String failure);
    }

    /**
     * Judges a response: every check and extraction is evaluated and reported to {@code sink}, the
     * values extracted go into {@code extracted}. Returns the failure's cause, or null for a success:
     * a status its status check refuses (or, without one, any 4xx/5xx) by its class, else any
     * failed check or extraction as {@link ErrorCause#CHECK}.
     */
    public ErrorCause judge(Answer answer, CheckSink sink, Map<String, String> extracted, Function<String, String> values) {
        ErrorCause statusCause = statusCheck == null ? ErrorCause.ofStatus(answer.status()) : null;
        boolean failed = false;
        for (ResponseCheck c : checks) {
            String why = c.failure(answer, values);
            if (sink != null) sink.checked(tag, c.name(), why);
            if (why == null) continue;
            if (c == statusCheck) {
                ErrorCause byClass = ErrorCause.ofStatus(answer.status());
                statusCause = byClass != null ? byClass : ErrorCause.CHECK;
            } else {
                failed = true;
            }
        }
        String[] why = new String[1];
        for (Extraction e : extractions) {
            why[0] = null;
            String v = e.from(answer, why);
            if (sink != null) sink.checked(tag, e.checkName(), v == null ? why[0] : null);
            if (v == null) failed = true;
            else if (extracted != null) extracted.put(e.variable(), v);
        }
        if (statusCause != null) return statusCause;
        return failed ? ErrorCause.CHECK : null;
    }

    public boolean needsBody() {
        return needsBody;
    }

    public boolean needsHeaders() {
        return needsHeaders;
    }

    public boolean judgesOnlyTheStatusClass() {
        return checks.isEmpty() && extractions.isEmpty();
    }

    /** What makes it a write the client checks afterwards; null for a request that is not one. */
    public WriteSpec write() {
        return write;
    }

    List<Extraction> extractions() {
        return extractions;
    }

    public String name() {
        return name;
    }

    /** How its successes are tagged in the interval logs. */
    public String tag() {
        return tag;
    }

    double weight() {
        return weight;
    }
}
