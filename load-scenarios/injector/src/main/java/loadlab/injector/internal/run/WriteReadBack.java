package loadlab.injector.internal.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import loadlab.recording.ClientCheck;
import loadlab.recording.WriteHistory;
import loadlab.recording.WriteHistory.Outcome;
import loadlab.recording.WriteHistory.Write;

/**
 * Reads back, after the load, every write of a run's history that can be looked for, and sorts them
 * as Jepsen's set checker does: acknowledged and present (ok), acknowledged and absent (lost),
 * unknown outcome and present (recovered), answered as failed and present (unexpected). An
 * acknowledged write that is absent is read again, with growing pauses, until the wait ends (a
 * target may show a write late); only then is it lost. A read that gets no clear answer is never
 * taken for present or absent: the check is then unchecked, not passed.
 */
public final class WriteReadBack {
    private static final int IN_FLIGHT = 32;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 2_000;

    /** What a read of one write found: OTHER is a 2xx that does not show what the write put there (its id holds another write). */
    enum Found { PRESENT, ABSENT, OTHER, UNREADABLE }

    /** The check, and which writes (by their number) were found present: the final read of a Jepsen history. */
    public record Result(ClientCheck check, Set<Long> present) {}

    private final URI origin;
    private final Duration wait;
    private final HttpClient http;

    /** @param target the run's target; writes are read back from its scheme, host and port */
    public WriteReadBack(URI target, Duration wait) {
        this.origin = URI.create(target.getScheme() + "://" + target.getRawAuthority());
        this.wait = wait;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Result check(WriteHistory history) throws InterruptedException {
        List<Write> lookFor = new ArrayList<>();
        long unverifiable = 0;
        for (Write w : history.writes()) {
            boolean findable = w.id() != null && w.verify() != null;
            if (findable) lookFor.add(w);
            else if (w.outcome() == Outcome.OK) unverifiable++;
        }
        long started = System.nanoTime();
        Map<Long, Found> found = readAll(lookFor);
        Map<Long, Double> lateBy = new HashMap<>();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            // only an acknowledged write is waited for: one whose outcome is unknown may well be absent, and that is no failure
            List<Write> again = lookFor.stream().filter(w -> w.outcome() == Outcome.OK && found.get(w.value()) != Found.PRESENT).toList();
            if (again.isEmpty() || System.nanoTime() + pause * 1_000_000 - started > wait.toNanos()) break;
            Thread.sleep(pause); // the target may still be applying writes: ask again, as a client would
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
            Map<Long, Found> now = readAll(again);
            double at = (System.nanoTime() - started) / 1e9;
            now.forEach((value, f) -> {
                if (f == Found.PRESENT) lateBy.put(value, at);
                if (f != Found.UNREADABLE || found.get(value) == Found.UNREADABLE) found.put(value, f);
            });
        }
        long acknowledged = history.count(Outcome.OK);
        long ok = 0, lost = 0, replaced = 0, recovered = 0, unexpected = 0, unreadable = 0, late = 0;
        double lateMax = 0;
        List<String> lostWrites = new ArrayList<>();
        Set<Long> present = new LinkedHashSet<>();
        for (Write w : lookFor) {
            Found f = found.get(w.value());
            if (f == Found.PRESENT) present.add(w.value());
            if (f == Found.UNREADABLE) {
                if (w.outcome() == Outcome.OK) unreadable++; // an unknown or failed write not read stays unresolved
                continue;
            }
            switch (w.outcome()) {
                case OK -> {
                    if (f == Found.PRESENT) {
                        ok++;
                        Double at = lateBy.get(w.value());
                        if (at != null) {
                            late++;
                            lateMax = Math.max(lateMax, at);
                        }
                    } else {
                        lost++;
                        if (f == Found.OTHER) replaced++;
                        if (lostWrites.size() < ClientCheck.NAMED) lostWrites.add(w.f() + " " + w.id() + (f == Found.OTHER ? " (holds another write)" : ""));
                    }
                }
                case INFO -> {
                    if (f == Found.PRESENT) recovered++;
                }
                case FAIL -> {
                    if (f == Found.PRESENT) unexpected++;
                }
            }
        }
        long unknown = history.count(Outcome.INFO);
        ClientCheck check = new ClientCheck(origin.toString(), history.writes().size(), acknowledged, history.count(Outcome.FAIL), unknown, ok,
                lost, replaced, recovered, unexpected, unknown - recovered, unverifiable, unreadable, late, late == 0 ? null : Math.round(lateMax * 10) / 10.0,
                lostWrites, null);
        return new Result(check, present);
    }

    private Map<Long, Found> readAll(List<Write> writes) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        Map<Long, Found> out = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> reads = new ArrayList<>(writes.size());
        for (Write w : writes) {
            slots.acquire();
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(origin.resolve(w.verify())).timeout(READ_TIMEOUT).GET().build();
            } catch (IllegalArgumentException e) {
                slots.release();
                out.put(w.value(), Found.UNREADABLE);
                continue;
            }
            reads.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                slots.release();
                out.put(w.value(), e != null ? Found.UNREADABLE : found(r.statusCode(), r.body(), w.expect()));
                return null;
            }));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        return out;
    }

    static Found found(int status, String body, String expect) {
        if (status >= 200 && status < 300) return expect == null || (body != null && body.contains(expect)) ? Found.PRESENT : Found.OTHER;
        if (status == 404 || status == 410) return Found.ABSENT;
        return Found.UNREADABLE;
    }
}
