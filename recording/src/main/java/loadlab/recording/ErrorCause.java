package loadlab.recording;

import java.util.Locale;

/** Why a request is an error; errors are results, counted by cause and never dropped. */
public enum ErrorCause {
    /** The target answered 4xx. */
    HTTP_4XX,
    /** The target answered 5xx. */
    HTTP_5XX,
    /** No answer within the request timeout; recorded at the timeout value. */
    TIMEOUT,
    /** No HTTP exchange: refused, reset or closed connection. */
    CONNECTION,
    /**
     * The target answered (1xx to 3xx), but a check the user wrote failed: a Gatling {@code .check(...)}, a
     * request file's check or {@code expect}, or an extraction that found nothing.
     */
    CHECK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorCause parse(String id) {
        if ("unexpected_status".equals(id)) return CHECK; // runs made before checks: an unexpected status was a failed status check
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The cause of an HTTP status, or null when the status is a success (1xx to 3xx). */
    public static ErrorCause ofStatus(int status) {
        if (status >= 500) return HTTP_5XX;
        if (status >= 400) return HTTP_4XX;
        return null;
    }
}
