package loadlab.scenarios.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The schedule as the issue writes it parses into actions; every mistake is one sentence naming the fault. */
class FaultSchedulesAreCheckedBeforeAnyLoadTest {
    /** An admin API of a made-up service on loopback: blocks a and b. */
    static final AdminFaults ADMIN = new AdminFaults() {
        final URI base = URI.create("http://127.0.0.1:9/");

        @Override
        public Set<String> blocks() {
            return Set.of("cache", "store");
        }

        @Override
        public FaultAction blockStart(String block, boolean down, Duration latency, double latencyProbability, double errorProbability) {
            return FaultAction.request("PUT", base.resolve("/faults/" + block), Map.of(),
                    "down=" + down + " latency=" + latency + " p=" + latencyProbability + " errors=" + errorProbability);
        }

        @Override
        public FaultAction blockStop(String block) {
            return FaultAction.request("DELETE", base.resolve("/faults/" + block), Map.of(), null);
        }

        @Override
        public FaultAction stall(Duration length) {
            return FaultAction.request("POST", base.resolve("/stall"), Map.of(), "ms=" + length.toMillis());
        }

        @Override
        public FaultAction clearAll() {
            return FaultAction.request("DELETE", base.resolve("/faults"), Map.of(), null);
        }
    };

    static Object yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
    }

    @Test
    void theIssuesExampleParses() throws Exception {
        FaultSchedule s = FaultSchedule.parse(yaml("""
                faults:
                  - { name: cache-down, at: 20s, for: 10s, block: cache, down: true }
                  - { name: slow-store, at: 40s, for: 10s, block: store, latency: 50ms, latency-probability: 0.5 }
                  - { name: store-errors, at: 60s, for: 10s, block: store, error-probability: 0.1 }
                  - { name: pause, at: 80s, stall: 2s }
                  - { name: my-own, at: 90s, for: 10s, exec: { start: "touch /tmp/x", stop: "rm /tmp/x" } }
                  - { name: via-http, at: 100s, for: 5s, http: { start: { method: PUT, url: "http://127.0.0.1:9/x", body: "on" }, stop: { method: DELETE, url: "http://127.0.0.1:9/x" } } }
                """), "faults.yaml", ADMIN, 120);
        assertEquals(List.of("cache-down", "slow-store", "store-errors", "pause", "my-own", "via-http"),
                s.faults().stream().map(FaultSpec::name).toList());
        FaultSpec slow = s.faults().get(1);
        assertEquals("down=false latency=PT0.05S p=0.5 errors=0.0", slow.start().body());
        assertEquals(40_000, slow.atMs());
        assertEquals(10_000, slow.lengthMs());
        FaultSpec pause = s.faults().get(3);
        assertEquals("stall", pause.kind());
        assertEquals(2_000, pause.lengthMs(), "a stall lasts as long as it says");
        assertNull(pause.stop(), "a stall ends by itself");
        assertEquals("touch /tmp/x", s.faults().get(4).start().exec());
        assertEquals("PUT", s.faults().get(5).start().method());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ name: a, at: 1s, for: 1s, block: cache, dwn: true }            | faults.yaml fault 1: unknown key 'dwn'; a fault has at, block,",
            "{ name: a, at: 1s, for: 1s, block: disk, down: true }            | faults.yaml fault 1 (a): unknown block 'disk'; the blocks are cache, store",
            "{ name: a, at: 50s, for: 20s, block: cache, down: true }         | faults.yaml fault 'a' ends at 70 s, after the run's 60 s measured window",
            "{ name: a, at: 1s, for: 1s, block: cache }                       | faults.yaml fault 1 (a) does nothing to cache; give down: true, latency or error-probability",
            "{ name: a, at: 1s, for: 1s, stall: 1s }                          | faults.yaml fault 1 (a): a stall lasts as long as it says; drop for",
            "{ name: a, at: 1s, stall: 61s }                                  | faults.yaml fault 1 (a): stall must be from 1ms to 60s, got 61 s",
            "{ name: a, at: 1s, for: 1s, block: cache, error-probability: 2 } | error-probability must be from 0 to 1 (or 0% to 100%), got 2",
            "{ name: a, at: 1s, for: 1s, block: cache, latency-probability: 0.5 } | latency-probability goes with latency",
            "{ name: a, at: 1s, for: 1s, exec: { stop: x } }                  | exec must be a map with start (and stop)",
            "{ name: a, at: 1s, for: 1s, http: { start: { url: 'ftp://x/' } } } | url 'ftp://x/' must be an http:// or https:// URL with a host",
            "{ name: a, at: 1s, for: 1s, exec: { start: x }, http: { start: { url: 'http://h/' } } } | needs exactly one of block, stall, exec or http, not exec and http",
            "{ name: 'a b', at: 1s, stall: 1s }                               | faults.yaml fault 1 needs a name of letters, digits",
            "{ name: a, for: 1s, stall: 1s }                                  | faults.yaml fault 1 (a) needs at, e.g. at: 10s",
            "{ name: a, at: soon, stall: 1s }                                 | at 'soon' is not a duration",
            "{ name: a, at: 1s, for: 1s, exec: { start: x }, down: true }     | down goes with block, not with exec",
    })
    void aMistakeIsOneSentenceNamingTheFault(String fault, String phrase) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultSchedule.parse(yaml("faults:\n  - " + fault + "\n"), "faults.yaml", ADMIN, 60));
        assertTrue(e.getMessage().contains(phrase.strip()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void faultsOnOneBlockMayNotOverlapAndNamesAreUnique() throws Exception {
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> FaultSchedule.parse(yaml("""
                faults:
                  - { name: a, at: 10s, for: 10s, block: cache, down: true }
                  - { name: b, at: 19s, for: 5s, block: cache, latency: 5ms }
                  - { name: c, at: 12s, for: 5s, block: store, latency: 5ms }
                """), "f.yaml", ADMIN, 60));
        assertEquals("f.yaml fault 'b' overlaps fault 'a' on cache; one fault at a time on a block", overlap.getMessage());
        FaultSchedule back = FaultSchedule.parse(yaml("""
                faults:
                  - { name: a, at: 10s, for: 10s, block: cache, down: true }
                  - { name: b, at: 20s, for: 5s, block: cache, latency: 5ms }
                """), "f.yaml", ADMIN, 60);
        assertEquals(2, back.faults().size(), "one ending as the next starts does not overlap");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> FaultSchedule.parse(yaml("""
                faults:
                  - { name: a, at: 10s, stall: 1s }
                  - { name: a, at: 30s, stall: 1s }
                """), "f.yaml", ADMIN, 60));
        assertEquals("f.yaml fault 'a': the name is taken by an earlier fault", twice.getMessage());
    }

    @Test
    void blockFaultsNeedAnAdminApi() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSchedule.parse(
                yaml("faults:\n  - { name: a, at: 1s, stall: 1s }\n"), "f.yaml", null, 60));
        assertTrue(e.getMessage().contains("stall faults drive the reference service's admin API; run without --target"), e.getMessage());
    }
}
