package loadlab.injector.internal.engine;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

import loadlab.scenarios.requests.OutgoingRequest;

/**
 * A rendered request as Netty sends it over HTTP/1.1: the injector adds Host, User-Agent and
 * Accept, which the request file's own headers may replace, and Content-Length when the request
 * declares one.
 */
public final class HttpEncoding {
    private HttpEncoding() {}

    public static FullHttpRequest encode(OutgoingRequest out, String hostHeader, String userAgent) {
        byte[] content = out.body();
        DefaultFullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(out.method()), out.target(),
                content.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(content));
        r.headers().set(HttpHeaderNames.HOST, hostHeader).set(HttpHeaderNames.USER_AGENT, userAgent).set(HttpHeaderNames.ACCEPT, "*/*");
        out.headers().forEach(r.headers()::set);
        if (out.declaresLength()) r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        return r;
    }
}
