package loadlab.service.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Puts the {@link Api} on the wire with Jetty's core handler API (no servlets). Jetty's job queue
 * holds at most one job per connection; a request that waited in it too long for a thread is shed
 * by the {@link AdmissionGate}, so queueing is bounded in time rather than in length.
 */
public final class HttpFrontEnd implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;
    static final long MAX_DRAIN = 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    public HttpFrontEnd(Api api, String host, int port, int threads) {
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads), 60_000);
        pool.setName("loadlab-http");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ApiResponse out;
                try {
                    out = api.handle(toApiRequest(request));
                } catch (ApiException e) {
                    out = ApiResponse.error(e.status(), e.getMessage());
                }
                response.setStatus(out.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.contentType());
                out.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                response.write(true, ByteBuffer.wrap(out.body()), callback);
                return true;
            }
        });
        server.setStopTimeout(2_000);
    }

    private static ApiRequest toApiRequest(Request request) {
        long received = request.getBeginNanoTime();
        byte[] body = readBody(request);
        Map<String, String> query = new HashMap<>();
        try {
            Fields fields = Request.extractQueryParameters(request);
            for (Fields.Field f : fields) query.put(f.getName(), f.getValue());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the query string is malformed: " + e.getMessage());
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
        return new ApiRequest(request.getMethod(), Request.getPathInContext(request), query, body, address, received);
    }

    /**
     * Reads at most {@link #MAX_BODY} bytes. A larger body is drained (up to {@link #MAX_DRAIN}) before
     * the 413, so the client, still sending, gets the answer instead of a reset connection.
     */
    private static byte[] readBody(Request request) {
        long declared = request.getLength();
        if (declared > MAX_DRAIN) throw new ApiException(413, "the request body must be at most " + MAX_BODY + " bytes");
        try (java.io.InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length <= MAX_BODY) return body;
            in.skipNBytes(Math.max(0, Math.min(declared, MAX_DRAIN) - body.length));
            throw new ApiException(413, "the request body must be at most " + MAX_BODY + " bytes");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing left to serve
        }
    }
}
