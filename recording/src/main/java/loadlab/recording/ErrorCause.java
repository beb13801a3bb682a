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
    /** The target answered 1xx-3xx, but not the status the request expects (a request file's {@code expect}). */
    UNEXPECTED_STATUS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorCause parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The cause of an HTTP status, or null when the status is a success (1xx to 3xx). */
    public static ErrorCause ofStatus(int status) {
        if (status >= 500) return HTTP_5XX;
        if (status >= 400) return HTTP_4XX;
        return null;
    }
}
