package loadlab.scenarios.engine;

import java.net.URI;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One request the engine sends, named as it is recorded: method, path and query, headers and body,
 * and the status it expects (null: any 1xx-3xx). The bytes are built once; each send wraps them.
 */
public record RequestTemplate(String name, String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                              Integer expectedStatus) {
    public RequestTemplate {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** {@code GET} of a URL's path and query, the {@code --target} case. */
    public static RequestTemplate get(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        return new RequestTemplate("GET", "GET", path, Map.of(), null, null);
    }

    FullHttpRequest toNetty(String hostHeader, String userAgent) {
        DefaultFullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), pathAndQuery,
                body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.HOST, hostHeader).set(HttpHeaderNames.USER_AGENT, userAgent)
                .set(HttpHeaderNames.ACCEPT, "*/*");
        headers.forEach((k, v) -> r.headers().set(k, v));
        if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    /** Whether a status is a success for this request; otherwise its error cause decides. */
    boolean expects(int status) {
        return expectedStatus == null ? status < 400 : status == expectedStatus;
    }
}
