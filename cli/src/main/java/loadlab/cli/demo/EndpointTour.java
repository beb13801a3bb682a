package loadlab.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls every endpoint of the reference service once, in the order a user would, and checks what
 * came back: the new post reaches the follower's timeline and search once fan-out has caught up,
 * and verification finds nothing missing. The smoke test behind {@code loadlab demo}.
 */
public final class EndpointTour {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: what was asked, what came back, how long it took in microseconds. */
    public record Step(String method, String path, int status, int expected, long micros, String note) {
        public boolean ok() {
            return status == expected;
        }
    }

    /** The calls made and the checks on their content. */
    public record Result(List<Step> steps, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty() && steps.stream().allMatch(Step::ok);
        }
    }

    /** Waits until the service has applied every write so far. */
    @FunctionalInterface
    public interface Convergence {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public EndpointTour(URI base) {
        this.base = base;
    }

    public Result run(Convergence convergence) throws IOException, InterruptedException {
        call("GET", "/health", null, 200);
        long alice = call("POST", "/users", "{\"name\":\"demo-alice\"}", 201).path("id").asLong();
        long bob = call("POST", "/users", "{\"name\":\"demo-bob\"}", 201).path("id").asLong();
        call("GET", "/users/" + bob, null, 200);
        call("PUT", "/users/" + alice + "/following/" + bob, null, 200);
        String word = "demoword" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long post = call("POST", "/users/" + bob + "/posts", "{\"text\":\"hello from the loadlab demo " + word + "\"}", 201)
                .path("id").asLong();
        call("GET", "/users/" + bob + "/posts?limit=5", null, 200);
        if (!convergence.await(Duration.ofSeconds(30))) failures.add("fan-out did not catch up within 30 s");
        JsonNode timeline = call("GET", "/users/" + alice + "/timeline?limit=20", null, 200);
        if (!containsPost(timeline.path("posts"), post)) failures.add("post " + post + " is missing from the follower's timeline");
        JsonNode found = call("GET", "/search?q=" + word + "&limit=5", null, 200);
        if (!containsPost(found.path("posts"), post)) failures.add("post " + post + " is not found by search");
        call("POST", "/users", "{\"name\": 42}", 400);
        call("GET", "/users/0/timeline", null, 400);
        call("DELETE", "/users/" + alice + "/following/" + bob, null, 200);
        call("GET", "/metrics", null, 200);
        call("GET", "/admin/faults", null, 200);
        if (!convergence.await(Duration.ofSeconds(30))) failures.add("fan-out did not catch up within 30 s");
        JsonNode verify = call("GET", "/admin/verify?posts=all", null, 200);
        if (!verify.path("converged").asBoolean()) failures.add("verification found missing data: " + verify);
        return new Result(List.copyOf(steps), List.copyOf(failures));
    }

    private static boolean containsPost(JsonNode posts, long id) {
        for (JsonNode p : posts) if (p.path("id").asLong() == id) return true;
        return false;
    }

    private JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1_000;
        JsonNode json = null;
        String note;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json") && !response.body().isEmpty()) {
            json = JSON.readTree(response.body());
            note = abbreviate(response.body());
        } else {
            note = response.body().lines().count() + " lines of " + response.headers().firstValue("Content-Type").orElse("?");
        }
        steps.add(new Step(method, path, response.statusCode(), expected, micros, note));
        return json == null ? JSON.createObjectNode() : json;
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
