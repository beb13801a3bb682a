package loadlab.scenarios.faults;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What starts or stops a fault: a shell command ({@code exec}) or an HTTP request ({@code http}),
 * against any target: {@code tc netem}, {@code kubectl delete pod}, a Toxiproxy or Chaos Mesh call,
 * or the reference service's admin API: what to do, as plain values. The injector carries it out
 * ({@code FaultActions}), bounded in time, and keeps its outcome.
 */
public record FaultAction(String exec, String method, URI url, Map<String, String> headers, String body) {
    /** An action is given this long; then it is stopped and counted as failed. */
    public static final Duration LIMIT = Duration.ofSeconds(30);

    public FaultAction {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if ((exec == null) == (url == null)) throw new IllegalArgumentException("a fault action is a command or a request");
    }

    /** A command run by {@code /bin/sh -c}; its exit status and the start of its output are kept. */
    public static FaultAction command(String line) {
        return new FaultAction(line, null, null, null, null);
    }

    /** An HTTP request; its status and the start of its response body are kept. */
    public static FaultAction request(String method, URI url, Map<String, String> headers, String body) {
        return new FaultAction(null, method, url, headers, body);
    }

    public String describe() {
        return exec != null ? exec : method + " " + url + (body == null ? "" : " " + body);
    }
}
