package loadlab.scenarios.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import loadlab.recording.FaultLog;

/**
 * What starts or stops a fault: a shell command ({@code exec}) or an HTTP request ({@code http}),
 * against any target: {@code tc netem}, {@code kubectl delete pod}, a Toxiproxy or Chaos Mesh call,
 * or the reference service's admin API. Each run is bounded in time and its outcome is kept.
 */
public record FaultAction(String exec, String method, URI url, Map<String, String> headers, String body) {
    /** An action is given this long; then it is stopped and counted as failed. */
    public static final Duration LIMIT = Duration.ofSeconds(30);
    static final int OUTPUT_CHARS = 2_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    public FaultLog.Outcome run() {
        return exec != null ? runCommand() : runRequest();
    }

    public String describe() {
        return exec != null ? exec : method + " " + url + (body == null ? "" : " " + body);
    }

    private FaultLog.Outcome runCommand() {
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(List.of("/bin/sh", "-c", exec)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new FaultLog.Outcome(exec, false, null, "could not start: " + e.getMessage(), ms(t0));
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (InputStream out = p.getInputStream()) {
                byte[] first = out.readNBytes(OUTPUT_CHARS);
                synchronized (head) {
                    head.write(first, 0, first.length);
                }
                out.transferTo(OutputStream.nullOutputStream()); // a chatty exec never blocks on a full pipe
            } catch (IOException ignored) {
                // the process is gone; what was read is kept
            }
        }, "loadlab-fault-output");
        drain.setDaemon(true);
        drain.start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new FaultLog.Outcome(exec, false, null, "still running after " + LIMIT.toSeconds() + " s; killed", ms(t0));
            }
            drain.join(1_000);
            int status = p.exitValue();
            String text;
            synchronized (head) {
                text = head.toString(StandardCharsets.UTF_8).strip();
            }
            return new FaultLog.Outcome(exec, status == 0, status, text, ms(t0));
        } catch (IOException e) {
            return new FaultLog.Outcome(exec, false, null, "its input could not be closed: " + e.getMessage(), ms(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new FaultLog.Outcome(exec, false, null, "interrupted", ms(t0));
        }
    }

    private FaultLog.Outcome runRequest() {
        long t0 = System.nanoTime();
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(LIMIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String text = r.body() == null ? "" : r.body();
            return new FaultLog.Outcome(describe(), r.statusCode() < 400, r.statusCode(),
                    text.length() > OUTPUT_CHARS ? text.substring(0, OUTPUT_CHARS) : text, ms(t0));
        } catch (IOException e) {
            return new FaultLog.Outcome(describe(), false, null, "the request failed: " + e, ms(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FaultLog.Outcome(describe(), false, null, "interrupted", ms(t0));
        }
    }

    private static double ms(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e4) / 100.0;
    }
}
