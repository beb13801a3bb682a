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

    /** Digits only, as the service writes ids: "+5", "05", " 5" or "5.0" name no id. */
    static long positiveLong(String name, String text) {
        if (text != null && text.matches("[1-9][0-9]{0,18}")) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // beyond a long: reported below
            }
        }
        throw ApiException.badRequest(name + " '" + text + "' must be a positive integer");
    }
}
