package loadlab.service.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** The longest process stall the API accepts: a long GC pause, not a way to take the service away. */
    public static final long MAX_STALL_MS = 60_000;
    static final long MAX_FAULT_LATENCY_MS = 60_000;
    private static final Set<String> FAULT_FIELDS = Set.of("latency_ms", "latency_probability", "error_probability", "down");
    private static final Pattern LOOPBACK_NAME = Pattern.compile("(?:127(?:\\.\\d{1,3}){3}|localhost|\\[::1\\])(?::\\d{1,5})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOPBACK_ORIGIN = Pattern.compile("https?://" + LOOPBACK_NAME.pattern(), Pattern.CASE_INSENSITIVE);

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

    /**
     * Refuses what a loopback client would not send on its own behalf: a request from another
     * machine, one a web page on this machine makes cross-site (its {@code Origin} is not loopback),
     * one sent to a name that is not loopback (DNS rebinding), and a POST or PUT that is not
     * {@code application/json} (a browser sends that only after a preflight, which is never granted).
     */
    static void checkCaller(ApiRequest request) {
        if (!allows(request.remote())) {
            throw new ApiException(403, "the admin API answers only on the loopback interface (127.0.0.1 or ::1)");
        }
        String origin = request.header("origin");
        if (origin != null && !LOOPBACK_ORIGIN.matcher(origin).matches()) {
            throw new ApiException(403, "the admin API refuses cross-site requests (Origin " + origin + " is not this machine)");
        }
        String host = request.header("host");
        if (host != null && !LOOPBACK_NAME.matcher(host).matches()) {
            throw new ApiException(403, "the admin API answers only requests addressed to 127.0.0.1, ::1 or localhost, not " + host);
        }
        String method = request.method();
        if (method.equals("POST") || method.equals("PUT")) {
            String type = request.header("content-type");
            String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals("application/json")) {
                throw new ApiException(415, "admin " + method + " requests must be sent with Content-Type: application/json");
            }
        }
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
        JsonNode body = Json.object(request.body(), FAULT_FIELDS);
        long latencyMs = Json.integer(body, "latency_ms", 0, 0, MAX_FAULT_LATENCY_MS);
        double latencyProbability = Json.probability(body, "latency_probability", body.has("latency_ms") ? 1.0 : 0.0);
        double errorProbability = Json.probability(body, "error_probability", 0);
        boolean down = Json.bool(body, "down", false);
        try {
            faults.set(block, new BlockFault(latencyProbability, Duration.ofMillis(latencyMs), errorProbability, down));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return ApiResponse.json(200, faultsView());
    }

    private ApiResponse stall(ApiRequest request, PathParams params) {
        JsonNode body = Json.object(request.body(), Set.of("duration_ms"));
        if (!body.has("duration_ms")) throw ApiException.badRequest("the body needs \"duration_ms\", a whole number from 1 to " + MAX_STALL_MS);
        long millis = Json.integer(body, "duration_ms", -1, 1, MAX_STALL_MS);
        stall.stallFor(Duration.ofMillis(millis));
        return ApiResponse.json(202, Map.of("stalled_ms", millis));
    }

    private ApiResponse verify(ApiRequest request, PathParams params) {
        String posts = request.query().getOrDefault("posts", "1000");
        int limit;
        if (posts.equals("all")) limit = -1;
        else {
            limit = posts.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(posts) : 0;
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
}
