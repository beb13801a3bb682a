package loadlab.injector.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.ClientCheck;
import loadlab.recording.Verification;
import loadlab.recording.WriteHistory;
import loadlab.recording.WriteLog;
import loadlab.testkit.ForgetfulStore;

/**
 * Each class of Jepsen's set checker, from one history against a target that keeps, drops and
 * replaces writes: acknowledged and there (ok), acknowledged and gone (lost), acknowledged but its id
 * now showing another write (lost, replaced), unknown and there (recovered), failed and there
 * (unexpected), unknown with no id to look for (unresolved, never lost).
 */
class TheClientReadsEveryWriteBackTest {
    @TempDir
    Path dir;

    @Test
    void everyOutcomeMeetsWhatTheTargetKept() throws Exception {
        try (ForgetfulStore target = new ForgetfulStore(Set.of(2L), Set.of(3L), Set.of())) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 1; i <= 3; i++) send(http, target.uri().resolve("/items"), "POST", "{\"v\":\"item-" + i + "\"}");
            send(http, target.uri().resolve("/keys/k9"), "PUT", "");
            send(http, target.uri().resolve("/keys/k8"), "PUT", "");
            try (WriteLog log = new WriteLog(dir)) {
                for (int i = 1; i <= 3; i++) {
                    long v = log.invoke("create", "POST", "/items", null, null, "item-" + i);
                    log.ok(v, "create", Integer.toString(i), 201, "/items/" + i, null);
                }
                long recovered = log.invoke("put", "PUT", "/keys/k9", "k9", "/keys/k9");
                log.info(recovered, "put", "k9", 0, "/keys/k9", "no answer");
                long unexpected = log.invoke("put", "PUT", "/keys/k8", "k8", "/keys/k8");
                log.fail(unexpected, "put", "k8", 409, "/keys/k8", "HTTP 409");
                long unresolved = log.invoke("create", "POST", "/items", null, null, "item-4");
                log.info(unresolved, "create", null, 0, null, "no answer");
            }
            ClientCheck c = new WriteReadBack(target.uri(), Duration.ZERO).check(WriteHistory.read(dir)).check();
            assertEquals(6, c.attempted());
            assertEquals(3, c.acknowledged());
            assertEquals(1, c.ok(), c.toString());
            assertEquals(2, c.lost());
            assertEquals(1, c.replaced());
            assertEquals(List.of("create 2", "create 3 (holds another write)"), c.lostWrites());
            assertEquals(1, c.recovered());
            assertEquals(1, c.unexpected());
            assertEquals(1, c.unresolved());
            assertEquals(Verification.Verdict.LOST, c.verdict());
        }
    }

    private static void send(HttpClient http, URI uri, String method, String body) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(true, r.statusCode() < 300, method + " " + uri + ": " + r.statusCode());
    }
}
