package loadlab.scenarios.requests;

import java.util.Map;

/**
 * One request as an arrival sends it, variables in place: what the request file means, before the
 * injector encodes it on the wire (adding Host, User-Agent and Accept, and Content-Length when
 * {@link #declaresLength()}).
 *
 * @param method  an HTTP method token, as written
 * @param target  the path and query, starting with {@code /}
 * @param headers the file's headers in the order written
 * @param body    the body's bytes, empty for none
 */
public record OutgoingRequest(String method, String target, Map<String, String> headers, byte[] body) {
    /** An HTTP token (RFC 9110): what a method and a header name may be made of. */
    public static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    static final byte[] NO_BODY = new byte[0];

    /** Whether Content-Length goes with it: a body, or a method other than GET and HEAD (whose servers expect one, even zero). */
    public boolean declaresLength() {
        return body.length > 0 || !method.equals("GET") && !method.equals("HEAD");
    }
}
