package loadlab.injector.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import loadlab.recording.FaultLog;
import loadlab.scenarios.faults.FaultAction;

/**
 * Carries out a {@link FaultAction}: a command under {@code /bin/sh -c} or an HTTP request, each
 * bounded by {@link FaultAction#LIMIT} (a command still running then is killed with its children),
 * keeping its status and the start of its output.
 */
public final class FaultActions {
    static final int OUTPUT_CHARS = 2_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long LIMIT_MILLIS = FaultAction.LIMIT.toMillis();

    private FaultActions() {}

    public static FaultLog.Outcome run(FaultAction action) {
        return action.exec() != null ? runCommand(action.exec()) : runRequest(action);
    }

    private static FaultLog.Outcome runCommand(String exec) {
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
            if (!p.waitFor(LIMIT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new FaultLog.Outcome(exec, false, null, "still running after " + FaultAction.LIMIT.toSeconds() + " s; killed", ms(t0));
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

    private static FaultLog.Outcome runRequest(FaultAction a) {
        long t0 = System.nanoTime();
        HttpRequest.Builder b = HttpRequest.newBuilder(a.url()).timeout(FaultAction.LIMIT)
                .method(a.method(), a.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(a.body()));
        a.headers().forEach(b::header);
        if (a.body() != null && a.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String text = r.body() == null ? "" : r.body();
            return new FaultLog.Outcome(a.describe(), r.statusCode() < 400, r.statusCode(),
                    text.length() > OUTPUT_CHARS ? text.substring(0, OUTPUT_CHARS) : text, ms(t0));
        } catch (IOException e) {
            return new FaultLog.Outcome(a.describe(), false, null, "the request failed: " + e, ms(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FaultLog.Outcome(a.describe(), false, null, "interrupted", ms(t0));
        }
    }

    private static double ms(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e4) / 100.0;
    }
}
