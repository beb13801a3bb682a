package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.fault.BlockFault;
import loadlab.service.fault.Block;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;
import loadlab.service.timing.ServerTiming;

/**
 * Every response names the building-block calls it made in a W3C {@code Server-Timing} header, one
 * entry per call with its own duration, in milliseconds: a post writes to the store; a search asks
 * the index, then reads its hits; a store call slowed by an injected fault shows its delay in its own
 * entry; a request that calls no block (health) has no header.
 */
class EachBlockCallIsInTheServerTimingHeaderTest {
    private static List<String> entries(HttpCall.Reply r) {
        String header = r.headers().firstValue(ServerTiming.HEADER).orElse("");
        return header.isEmpty() ? List.of() : Arrays.stream(header.split(", ")).toList();
    }

    @Test
    void eachCallHasItsOwnEntry() {
        try (ReferenceService service = EmbeddedService.start()) {
            List<String> post = entries(HttpCall.send(service.uri(), "POST", "/users/1/posts", "{\"text\":\"timed\"}"));
            assertTrue(post.stream().anyMatch(e -> e.matches("store;dur=\\d+\\.\\d{3}")), post.toString());
            List<String> search = entries(HttpCall.get(service.uri(), "/search?q=timed"));
            assertTrue(search.get(0).startsWith("index;dur="), search.toString());
            assertTrue(search.size() >= 2 && search.stream().skip(1).allMatch(e -> e.startsWith("cache;dur=") || e.startsWith("store;dur=")),
                    "the hits are read from the cache or the store: " + search);
            assertEquals(List.of(), entries(HttpCall.get(service.uri(), "/health")));

            service.faults().set(Block.STORE, new BlockFault(1.0, java.time.Duration.ofMillis(30), 0, false));
            List<String> slow = entries(HttpCall.get(service.uri(), "/posts/1"));
            service.faults().clearAll();
            double ms = Double.parseDouble(slow.get(0).substring("store;dur=".length()));
            assertTrue(ms >= 30, "the injected 30 ms is in the store call's own entry: " + slow);
        }
    }
}
