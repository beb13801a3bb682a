package loadlab.service.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.service.fault.Block;
import loadlab.service.fault.BlockFault;
import loadlab.service.fault.FaultPlan;
import loadlab.service.fault.ProcessStall;
import loadlab.service.timeline.TimelineRebuild;
import loadlab.service.verify.Verifier;

/**
 * The administrative endpoints under {@code /admin}: fault injection, the process stall, the
 * batch rebuild and verification. Answered only to clients on the loopback interface, whatever
 * address the service listens on, because they can take the service down.
 */
public final class AdminApi {
    private final FaultPlan faults;
    private final ProcessStall stall;
    private final TimelineRebuild rebuild;
    private final Verifier verifier;

    public AdminApi(FaultPlan faults, ProcessStall stall, TimelineRebuild rebuild, Verifier verifier) {
        this.faults = faults;
        this.stall = stall;
        this.rebuild = rebuild;
        this.verifier = verifier;
    }

    /** The rule: only loopback clients (127.0.0.0/8, ::1) may administer. */
    public static boolean allows(InetAddress remote) {
        return remote != null && remote.isLoopbackAddress();
    }

    public void register(Router router) {
        router.add("GET", "/admin/faults", (r, p) -> ApiResponse.json(200, faultsView()))
                .add("PUT", "/admin/faults/{block}", this::setFault)
                .add("DELETE", "/admin/faults/{block}", (r, p) -> {
                    faults.clear(block(p));
                    return ApiResponse.json(200, faultsView());
                })
                .add("DELETE", "/admin/faults", (r, p) -> {
                    faults.clearAll();
                    stall.clear();
                    return ApiResponse.json(200, faultsView());
                })
                .add("POST", "/admin/stall", this::stall)
                .add("POST", "/admin/rebuild", (r, p) -> ApiResponse.json(200, rebuild.run()))
                .add("GET", "/admin/verify", this::verify);
    }

    private ApiResponse setFault(ApiRequest request, PathParams params) {
        Block block = block(params);
        JsonNode body = Json.object(request.body());
        double latencyProbability = number(body, "latency_probability", body.has("latency_ms") ? 1.0 : 0.0);
        long latencyMs = (long) number(body, "latency_ms", 0);
        double errorProbability = number(body, "error_probability", 0);
        boolean down = body.path("down").asBoolean(false);
        try {
            faults.set(block, new BlockFault(latencyProbability, Duration.ofMillis(latencyMs), errorProbability, down));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return ApiResponse.json(200, faultsView());
    }

    private ApiResponse stall(ApiRequest request, PathParams params) {
        long millis = (long) number(Json.object(request.body()), "duration_ms", -1);
        if (millis < 1 || millis > 600_000) throw ApiException.badRequest("\"duration_ms\" must be from 1 to 600000");
        stall.stallFor(Duration.ofMillis(millis));
        return ApiResponse.json(202, Map.of("stalled_ms", millis));
    }

    private ApiResponse verify(ApiRequest request, PathParams params) {
        String posts = request.query().getOrDefault("posts", "1000");
        int limit;
        if (posts.equals("all")) limit = -1;
        else {
            try {
                limit = Integer.parseInt(posts);
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1) throw ApiException.badRequest("posts '" + posts + "' must be a positive integer or 'all'");
        }
        return ApiResponse.json(200, verifier.verify(limit));
    }

    private Map<String, Object> faultsView() {
        Map<String, Object> view = new LinkedHashMap<>();
        Map<String, Object> blocks = new LinkedHashMap<>();
        faults.snapshot().forEach((block, f) -> blocks.put(block.id(), Map.of(
                "latency_ms", f.latency().toMillis(), "latency_probability", f.latencyProbability(),
                "error_probability", f.errorProbability(), "down", f.down())));
        view.put("faults", blocks);
        view.put("stalled", stall.active());
        return view;
    }

    private static Block block(PathParams params) {
        Block block = Block.parse(params.get("block"));
        if (block == null) throw ApiException.badRequest("unknown block '" + params.get("block") + "'; use store, cache, index or stream");
        return block;
    }

    private static double number(JsonNode body, String field, double fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return fallback;
        if (!node.isNumber()) throw ApiException.badRequest("\"" + field + "\" must be a number");
        return node.asDouble();
    }
}
