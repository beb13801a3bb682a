package loadlab.recording;

import java.util.regex.Pattern;

/**
 * Request names (and fault names) as specs select them: {@code *} alone for every name, else a
 * name or a glob such as {@code post*}, where {@code *} matches any run of characters. One rule for
 * gates, SLOs and {@code --abort-on}.
 */
public record RequestNamePattern(String text, Pattern pattern) {
    public static RequestNamePattern of(String text) {
        return new RequestNamePattern(text, Pattern.compile(("\\Q" + text + "\\E").replace("*", "\\E.*\\Q")));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
