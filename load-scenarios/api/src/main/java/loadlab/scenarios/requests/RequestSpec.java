package loadlab.scenarios.requests;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What to send, as the command line gave it: a request file ({@code --requests}), or one request
 * made of {@code --method}, {@code --header} and {@code --body} against the target URL.
 *
 * @param file    a request file's absolute path, or null
 * @param method  null for GET
 * @param headers extra headers of the one request
 * @param body    the one request's body, or null
 */
public record RequestSpec(String file, String method, Map<String, String> headers, String body) {
    public RequestSpec {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (method != null) {
            method = method.toUpperCase(Locale.ROOT);
            if (!method.matches("GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS")) {
                throw new IllegalArgumentException("--method " + method + " is not one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            }
        }
        if (file != null && (method != null || !headers.isEmpty() || body != null)) {
            throw new IllegalArgumentException("--requests describes every request; drop --method, --header and --body, or put them in the file");
        }
    }

    /** A plain GET of the target URL. */
    public static RequestSpec get() {
        return new RequestSpec(null, null, Map.of(), null);
    }

    /** The mix it describes against {@code target}; one sentence when the file is wrong. */
    public RequestMix toMix(URI target) {
        if (file != null) return RequestFile.read(Path.of(file), target);
        if (method == null && headers.isEmpty() && body == null) return RequestMix.of(RequestTemplate.get(target));
        return RequestMix.of(RequestTemplate.of(target, method == null ? (body == null ? "GET" : "POST") : method, headers, body));
    }

    /** Parses {@code --header 'Name: value'}. */
    public static Map.Entry<String, String> header(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || text.substring(0, colon).isBlank() || !text.substring(0, colon).trim().matches(OutgoingRequest.TOKEN)) {
            throw new IllegalArgumentException("--header '" + text + "' must be written 'Name: value'");
        }
        return Map.entry(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }
}
