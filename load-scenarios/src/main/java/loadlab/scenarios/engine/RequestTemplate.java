package loadlab.scenarios.engine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

import loadlab.recording.RequestName;

/**
 * One named request of a workload: method, path and query, headers and body, each of which may
 * hold variables drawn per request; how often it is picked (weight) and the status it expects
 * (null: any 1xx-3xx).
 */
public final class RequestTemplate {
    private final String name;
    private final String tag;
    private final HttpMethod method;
    private final TextTemplate path;
    private final Map<String, TextTemplate> headers;
    private final TextTemplate body;
    private final Integer expectedStatus;
    private final double weight;
    private final List<String> usedNames;
    private List<Variable> used = List.of();

    RequestTemplate(String name, String method, String path, Map<String, String> headers, String body, Integer expectedStatus, double weight) {
        this.name = name;
        this.tag = RequestName.tag(name); // one sentence if the name cannot be recorded
        this.method = HttpMethod.valueOf(method);
        String where = "request '" + name + "'";
        if (!path.startsWith("/")) throw new IllegalArgumentException(where + " path '" + path + "' must start with /");
        this.path = TextTemplate.parse(path, where + " path");
        this.headers = new LinkedHashMap<>();
        headers.forEach((k, v) -> this.headers.put(k, TextTemplate.parse(v, where + " header " + k)));
        this.body = body == null ? null : TextTemplate.parse(body, where + " body");
        this.expectedStatus = expectedStatus;
        if (!(weight > 0)) throw new IllegalArgumentException(where + " weight must be a positive number");
        this.weight = weight;
        Set<String> names = new LinkedHashSet<>(this.path.variables());
        for (TextTemplate h : this.headers.values()) names.addAll(h.variables());
        if (this.body != null) names.addAll(this.body.variables());
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
        return new RequestTemplate(method, method, path.replace("${", "$${"), headers, body == null ? null : body.replace("${", "$${"), null, 1);
    }

    /** Binds the variables this request names; one sentence for a name that is not defined. */
    void bind(Map<String, Variable> variables) {
        List<Variable> out = new ArrayList<>();
        for (String n : usedNames) {
            Variable v = variables.get(n);
            if (v == null) throw new IllegalArgumentException("request '" + name + "' uses ${" + n + "}, which is not among the variables"
                    + (variables.isEmpty() ? " (there are none)" : " (" + String.join(", ", variables.keySet()) + ")"));
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
            out.add(v);
        }
        used = List.copyOf(out);
    }

    private List<String> places() {
        List<String> out = new ArrayList<>(path.places());
        for (TextTemplate h : headers.values()) out.addAll(h.places());
        if (body != null) out.addAll(body.places());
        return out;
    }

    /** The request with this draw's values in place. */
    FullHttpRequest build(SplittableRandom random, String hostHeader, String userAgent) {
        Variable.Drawn[] drawn = used.isEmpty() ? null : Variable.drawAll(used, random);
        java.util.function.Function<String, String> values = place -> {
            String variable = place.contains(".") ? place.substring(0, place.indexOf('.')) : place;
            return drawn[usedNames.indexOf(variable)].value(place);
        };
        byte[] content = body == null ? new byte[0] : body.render(values).getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path.render(values),
                content.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(content));
        r.headers().set(HttpHeaderNames.HOST, hostHeader).set(HttpHeaderNames.USER_AGENT, userAgent).set(HttpHeaderNames.ACCEPT, "*/*");
        headers.forEach((k, v) -> r.headers().set(k, v.render(values)));
        if (content.length > 0 || !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        }
        return r;
    }

    /** Whether a status is a success for this request; otherwise it is an error by its class. */
    boolean expects(int status) {
        return expectedStatus == null ? status < 400 : status == expectedStatus;
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
