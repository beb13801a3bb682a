package loadlab.service.http;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty refuses before the API sees a request (a malformed request line or URI, a missing
 * Host, a URI or headers too large) gets the API's one shape of error, JSON with one sentence,
 * instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        ApiResponse out = ApiResponse.error(code, sentence(code, message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.contentType());
        out.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(out.body()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiResponse out = ApiResponse.error(status, sentence(status, reason));
        fields.put(HttpHeader.CONTENT_TYPE, out.contentType());
        return ByteBuffer.wrap(out.body());
    }

    static String sentence(int code, String detail) {
        String what = switch (code) {
            case 400 -> "the HTTP request is malformed";
            case 408 -> "the request did not arrive in time";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long (at most 8 KiB)";
            case 431 -> "the request headers are too large (at most 8 KiB)";
            case 505 -> "the HTTP version is not supported; use HTTP/1.1";
            default -> {
                String reason = HttpStatus.getMessage(code);
                yield "the request was refused: " + (reason == null ? "status " + code : reason);
            }
        };
        boolean useful = detail != null && !detail.isBlank() && !detail.equalsIgnoreCase(HttpStatus.getMessage(code));
        return useful ? what + " (" + detail + ")" : what;
    }
}
