package loadlab.service.http;

import java.util.Map;

/** Values bound from a route template, with the parsing every handler needs. */
public record PathParams(Map<String, String> values) {
    public PathParams {
        values = Map.copyOf(values);
    }

    /** A positive id, or a 400 naming the parameter. */
    public long id(String name) {
        return positiveLong(name, values.get(name));
    }

    public String get(String name) {
        return values.get(name);
    }

    static long positiveLong(String name, String text) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + " '" + text + "' must be a positive integer");
    }
}
