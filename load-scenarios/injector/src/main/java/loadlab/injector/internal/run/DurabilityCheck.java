package loadlab.injector.internal.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunFiles;
import loadlab.recording.Verification;
import loadlab.recording.ClientCheck;
import loadlab.recording.WriteHistory;
import loadlab.recording.WriteLog;

/**
 * After the load, checks that the target kept its writes, in two views. The client's: every write
 * the injector recorded in {@code writes.jsonl} is read back from the target ({@link WriteReadBack}),
 * so writes acknowledged by a process that later crashed are counted too. The service's, when the
 * target has a verification endpoint: asks it whether every write it acknowledged is durable and
 * visible in all its derived data, and keeps asking while it is still converging, up to a wait. The endpoint
 * answers {@code GET} with a JSON object: {@code acknowledged} and {@code lost} (whole numbers),
 * {@code converged} (true or false), and optionally {@code missing}, {@code pending} and
 * {@code convergence_p99_ms}. The reference service's {@code /admin/verify} is one such endpoint;
 * any target can offer its own. A lost write is final, so it ends the asking at once; an answer
 * that cannot be read is recorded as such, never as a pass.
 */
public final class DurabilityCheck {
    /** How long to keep asking a target that is still converging, unless the user says otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 2_000;

    private final URI url;
    private final URI target;
    private final Duration wait;
    private final HttpClient http;

    /** The service's view only (no write history is read back). */
    public DurabilityCheck(URI url, Duration wait) {
        this(url, null, wait);
    }

    /**
     * @param url    the service's verification endpoint, or null when it has none
     * @param target where the run's writes are read back from, or null not to
     */
    public DurabilityCheck(URI url, URI target, Duration wait) {
        this.url = url;
        this.target = target;
        this.wait = wait;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The endpoint of the reference service at {@code base} (its root URL). */
    public static URI referenceService(URI base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + "admin/verify?posts=all");
    }

    /**
     * Asks the service until its answer is final or the wait runs out, reads the run's writes back,
     * writes {@code verification.json} into the run directory and returns it; null when there was
     * nothing to check (no endpoint, no writes).
     */
    public Verification check(Path runDir) throws InterruptedException {
        Verification v = url == null ? null : ask();
        WriteHistory history = target == null ? null : WriteHistory.read(runDir);
        if (history != null && !history.writes().isEmpty()) {
            ClientCheck client = new WriteReadBack(target, wait).check(history).check();
            v = v == null ? Verification.clientOnly(client) : v.withClient(client);
        }
        if (v != null) v.write(runDir);
        return v;
    }

    /**
     * Checks after a run that finished (one that stopped early already fails, and a target that
     * may have died mid-run is not asked), and returns the result with the run directory read
     * again, its summary now holding the verification.
     */
    public LoadRun.Result after(LoadRun.Result result, PrintWriter console) throws InterruptedException {
        if (result.run() == null || result.exitCode() != InjectorMain.OK || result.run().manifest().stoppedEarly()) return result;
        if (url != null) {
            console.printf(Locale.ROOT, "verifying acknowledged writes: GET %s (waiting up to %d s for derived data)%n", url, wait.toSeconds());
        }
        if (target != null && Files.exists(result.runDir().resolve(WriteLog.FILE))) {
            console.printf(Locale.ROOT, "reading every recorded write back from %s%n", target);
        }
        console.flush();
        check(result.runDir());
        RunDirectory reread = RunDirectory.open(result.runDir());
        reread.writeSummary();
        return new LoadRun.Result(result.exitCode(), result.runDir(), reread, null);
    }

    Verification ask() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + wait.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            Verification v = askOnce((System.nanoTime() - start) / 1e9);
            boolean last = System.nanoTime() + pause * 1_000_000 > deadline;
            if (v.verdict() != Verification.Verdict.NOT_CONVERGED || last) return v;
            Thread.sleep(pause); // the target is still applying events: give it time, as a client would
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
        }
    }

    private Verification askOnce(double waitedS) throws InterruptedException {
        String where = url.toString();
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(ASK_TIMEOUT).header("Accept", "application/json").GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            return Verification.unchecked(where, round(waitedS), "the verification endpoint " + where + " did not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        double now = round(waitedS);
        if (response.statusCode() != 200) {
            return Verification.unchecked(where, now, "the verification endpoint " + where + " answered HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = RunFiles.JSON.readTree(response.body());
        } catch (IOException e) {
            return Verification.unchecked(where, now, "the verification endpoint " + where + " did not answer JSON");
        }
        if (body == null || !body.isObject()) {
            return Verification.unchecked(where, now, "the verification endpoint " + where + " did not answer a JSON object");
        }
        JsonNode acknowledged = body.path("acknowledged");
        JsonNode lost = body.path("lost");
        JsonNode converged = body.path("converged");
        if (!wholeNumber(acknowledged) || !wholeNumber(lost) || !converged.isBoolean() || lost.asLong() > acknowledged.asLong()) {
            return Verification.unchecked(where, now, "the answer of " + where + " needs whole numbers 'acknowledged' and 'lost' "
                    + "(lost no more than acknowledged) and a true or false 'converged'");
        }
        Long missing = wholeNumber(body.path("missing")) ? body.path("missing").asLong() : null;
        Long pending = wholeNumber(body.path("pending")) ? body.path("pending").asLong() : null;
        JsonNode p99 = body.path("convergence_p99_ms");
        return Verification.answered(where, now, acknowledged.asLong(), lost.asLong(), missing, pending,
                converged.asBoolean(), p99.isNumber() && p99.asDouble() >= 0 ? p99.asDouble() : null);
    }

    private static boolean wholeNumber(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
