package loadlab.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import loadlab.scenarios.faults.AdminFaults;
import loadlab.scenarios.faults.FaultAction;
import loadlab.service.fault.Block;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Block and stall faults as requests to the reference service's admin API (which answers only
 * loopback clients): {@code PUT /admin/faults/BLOCK}, {@code DELETE /admin/faults/BLOCK},
 * {@code POST /admin/stall}, {@code DELETE /admin/faults}. Only the command line knows this API;
 * the injector just runs the requests.
 */
final class ReferenceAdminFaults implements AdminFaults {
    /** The service's building blocks, as its own {@link Block} names them. */
    private static final Set<String> BLOCKS = Arrays.stream(Block.values()).map(Block::id).collect(Collectors.toUnmodifiableSet());
    /** Stands in for the service's address while a schedule is checked before the service has started. */
    static final URI NOT_YET_STARTED = URI.create("http://127.0.0.1:1/");

    private final URI base;

    ReferenceAdminFaults(URI base) {
        this.base = base;
    }

    @Override
    public Set<String> blocks() {
        return BLOCKS;
    }

    @Override
    public FaultAction blockStart(String block, boolean down, Duration latency, double latencyProbability, double errorProbability) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (latency != null) {
            body.put("latency_ms", latency.toMillis());
            body.put("latency_probability", latencyProbability);
        }
        if (errorProbability > 0) body.put("error_probability", errorProbability);
        if (down) body.put("down", true);
        return FaultAction.request("PUT", base.resolve("/admin/faults/" + block), Map.of(), json(body));
    }

    @Override
    public FaultAction blockStop(String block) {
        return FaultAction.request("DELETE", base.resolve("/admin/faults/" + block), Map.of(), null);
    }

    @Override
    public FaultAction stall(Duration length) {
        return FaultAction.request("POST", base.resolve("/admin/stall"), Map.of(), "{\"duration_ms\": " + length.toMillis() + "}");
    }

    @Override
    public FaultAction clearAll() {
        return FaultAction.request("DELETE", base.resolve("/admin/faults"), Map.of(), null);
    }

    private static String json(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
