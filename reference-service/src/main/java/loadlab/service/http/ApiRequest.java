package loadlab.service.http;

import java.net.InetAddress;
import java.util.Map;

/**
 * A request as the service's API sees it, independent of the HTTP server that received it.
 *
 * @param receivedNanos {@link System#nanoTime()} when the server received it, so time spent queued
 *                      before a thread picked it up counts for load shedding and metrics
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body,
                         InetAddress remote, long receivedNanos) {
    public ApiRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }
}
