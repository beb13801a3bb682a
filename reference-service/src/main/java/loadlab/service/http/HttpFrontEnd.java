package loadlab.service.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
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
import org.eclipse.jetty.util.thread.Scheduler;

import loadlab.service.RootCause;

/**
 * Puts the {@link Api} on the wire with Jetty's core handler API (no servlets), in two stages so
 * that no client can hold a thread that others need:
 * <ol>
 * <li>Jetty's I/O threads parse the request, take its place at the admission gate on arrival, and
 *     read its body asynchronously under a deadline (a slow body holds a little memory, never a
 *     thread). Health and metrics are answered right there.</li>
 * <li>Once the last byte has arrived, the request queues for one of the workers, which are the only
 *     threads that wait on building blocks; a request that waited there longer than the limit is shed
 *     with 503 when its turn comes.</li>
 * </ol>
 * Jetty's own refusals (a malformed request line, headers too large) come back as the API's JSON
 * error too, through {@link JsonErrorHandler}.
 */
public final class HttpFrontEnd implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;
    static final long MAX_DRAIN = 1024 * 1024;
    private static final int IO_THREADS = 32;
    private static final int ADMIN_WORKERS = 2;
    private static final Map<String, String> CLOSE = Map.of(HttpHeader.CONNECTION.asString(), "close");

    private final Api api;
    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor admin;
    private final long bodyTimeoutNanos;

    public HttpFrontEnd(Api api, String host, int port, int workerThreads, Duration bodyTimeout) {
        this.api = api;
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
        this.workers = pool("loadlab-worker", workerThreads);
        this.admin = pool("loadlab-admin", ADMIN_WORKERS);
        QueuedThreadPool io = new QueuedThreadPool(IO_THREADS, 8, 60_000);
        io.setName("loadlab-http");
        io.setDaemon(true);
        server = new Server(io);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                receive(request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(2_000);
    }

    private static ThreadPoolExecutor pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stage one, on an I/O thread: never blocks on anything but the CPU. */
    private void receive(Request request, Response response, Callback callback) {
        long received = request.getBeginNanoTime();
        String path = Request.getPathInContext(request);
        Lane lane = api.lane(path);
        if (lane == Lane.INLINE) {
            ApiResponse out;
            try {
                out = api.handle(toApiRequest(request, path, null, received, System.nanoTime()));
            } catch (ApiException e) {
                out = ApiResponse.error(e.status(), e.getMessage());
            }
            send(request, response, callback, out, Map.of());
            return;
        }
        if (lane == Lane.WORK && !api.admit()) {
            ApiRequest r = new ApiRequest(request.getMethod(), path, Map.of(), Map.of(), null, null, received, System.nanoTime());
            send(request, response, callback, api.overloaded(r), Map.of());
            return;
        }
        Runnable release = lane == Lane.WORK ? api::release : () -> {};
        if (request.getLength() > MAX_DRAIN) {
            release.run();
            send(request, response, callback, tooLarge(), CLOSE);
            return;
        }
        AtomicBoolean settled = new AtomicBoolean();
        Scheduler.Task deadline = server.getScheduler().schedule(() -> {
            if (!settled.compareAndSet(false, true)) return;
            request.fail(new TimeoutException("body deadline"));
            release.run();
            send(request, response, callback, ApiResponse.error(408, "the request body did not arrive within "
                    + TimeUnit.NANOSECONDS.toMillis(bodyTimeoutNanos) + " ms; send it at once"), CLOSE);
        }, bodyTimeoutNanos, TimeUnit.NANOSECONDS);
        BodyReader.read(request, MAX_BODY, MAX_DRAIN).whenComplete((body, failure) -> {
            if (!settled.compareAndSet(false, true)) return;
            deadline.cancel();
            if (failure != null) {
                release.run();
                Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                if (cause instanceof BodyReader.TooLarge large) send(request, response, callback, tooLarge(), large.drained ? Map.of() : CLOSE);
                else send(request, response, callback, ApiResponse.error(400, "the request body could not be read: " + RootCause.message(cause)), CLOSE);
                return;
            }
            ApiRequest r;
            try {
                r = toApiRequest(request, path, body, received, System.nanoTime());
            } catch (ApiException e) {
                release.run();
                send(request, response, callback, ApiResponse.error(e.status(), e.getMessage()), Map.of());
                return;
            }
            serve(lane == Lane.WORK ? workers : admin, request, response, callback, r, release);
        });
    }

    /** Stage two: a worker serves it (or sheds it, if it waited too long). */
    private void serve(ExecutorService executor, Request request, Response response, Callback callback, ApiRequest r, Runnable release) {
        try {
            executor.execute(() -> {
                ApiResponse out;
                try {
                    out = api.handle(r);
                } finally {
                    release.run();
                }
                send(request, response, callback, out, Map.of());
            });
        } catch (RejectedExecutionException stopping) {
            release.run();
            send(request, response, callback, ApiResponse.error(503, "the service is shutting down"), CLOSE);
        }
    }

    private static ApiResponse tooLarge() {
        return ApiResponse.error(413, "the request body must be at most " + MAX_BODY + " bytes");
    }

    private static void send(Request request, Response response, Callback callback, ApiResponse out, Map<String, String> extra) {
        response.setStatus(out.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.contentType());
        out.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        extra.forEach((k, v) -> response.getHeaders().put(k, v));
        if (request.getMethod().equals("HEAD")) {
            response.getHeaders().put(new HttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(out.body().length)));
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(out.body()), callback);
        }
    }

    private static ApiRequest toApiRequest(Request request, String path, byte[] body, long received, long ready) {
        Map<String, String> query = new HashMap<>();
        try {
            Fields fields = Request.extractQueryParameters(request);
            for (Fields.Field f : fields) query.put(f.getName(), f.getValue());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the query string is malformed: " + e.getMessage());
        }
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader h : new HttpHeader[] {HttpHeader.HOST, HttpHeader.ORIGIN, HttpHeader.CONTENT_TYPE}) {
            String v = request.getHeaders().get(h);
            if (v != null) headers.put(h.lowerCaseName(), v);
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
        return new ApiRequest(request.getMethod(), path, query, headers, body, address, received, ready);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address the connector is bound to, as the operating system reports it; {@code *} for every interface. */
    public String boundHost() {
        Object channel = connector.getTransport();
        if (channel instanceof ServerSocketChannel s) {
            try {
                if (s.getLocalAddress() instanceof InetSocketAddress a) {
                    return a.getAddress().isAnyLocalAddress() ? "*" : a.getAddress().getHostAddress();
                }
            } catch (IOException e) {
                // fall through to the configured host
            }
        }
        return connector.getHost();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing left to serve
        }
        workers.shutdownNow();
        admin.shutdownNow();
    }
}
