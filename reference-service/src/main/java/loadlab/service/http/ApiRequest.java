package loadlab.service.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the service's API sees it, independent of the HTTP server that received it.
 *
 * @param headers       the few headers the API reads, names in lower case ({@code host}, {@code origin},
 *                      {@code content-type})
 * @param receivedNanos {@link System#nanoTime()} when the server began to receive it: response-time
 *                      metrics count from here
 * @param readyNanos    {@link System#nanoTime()} when its last byte had arrived and it began to wait
 *                      for a worker: load shedding bounds the wait from here
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
                         InetAddress remote, long receivedNanos, long readyNanos) {
    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A request that arrived and became ready at {@code nanos}, with no headers (tests and in-process callers). */
    public static ApiRequest of(String method, String path, Map<String, String> query, byte[] body, InetAddress remote, long nanos) {
        return new ApiRequest(method, path, query, Map.of(), body, remote, nanos, nanos);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
