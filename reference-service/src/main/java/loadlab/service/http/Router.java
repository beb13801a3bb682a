package loadlab.service.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches a method and path against templates such as {@code /users/{id}/timeline}. */
public final class Router {

    /** Handles a matched request. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request, PathParams params);
    }

    /** A matched route: the template names it in metrics. */
    public record Match(String template, Handler handler, PathParams params) {}

    private record Route(String method, String template, String[] segments, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, split(template), handler));
        return this;
    }

    /** The matching route; a 404 or 405 {@link ApiException} when there is none. */
    public Match match(String method, String path) {
        String[] segments = split(path);
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments, segments);
            if (params == null) continue;
            pathKnown = true;
            if (r.method.equals(method)) return new Match(r.template, r.handler, new PathParams(params));
        }
        if (pathKnown) throw new ApiException(405, "method " + method + " is not allowed on " + path);
        throw new ApiException(404, "no such endpoint: " + method + " " + path);
    }

    private static Map<String, String> bind(String[] template, String[] path) {
        if (template.length != path.length) return null;
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) params.put(t.substring(1, t.length() - 1), path[i]);
            else if (!t.equals(path[i])) return null;
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
