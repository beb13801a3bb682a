package loadlab.service;

import java.util.regex.Pattern;

/**
 * The one rule for showing a backend location to a person or writing it to a file: a password in
 * its user information is replaced by {@code ***}, in banners, error messages and run manifests.
 */
public final class Redaction {
    private static final Pattern PASSWORD = Pattern.compile("(://[^:/@?#]*):[^/?#]*@");

    private Redaction() {}

    /** {@code postgres://app:secret@db/x} as {@code postgres://app:***@db/x}; anything without a password as it is. */
    public static String location(String uri) {
        return uri == null ? null : PASSWORD.matcher(uri).replaceFirst("$1:***@");
    }
}
