package loadlab.scenarios.engine;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the engine sends: one or more named requests picked by weight for each arrival, with the
 * variables they draw from. Picks and draws come from each event loop's own seeded random, so a
 * run's sequence of requests is repeatable.
 */
public final class RequestMix {
    private final List<RequestTemplate> requests;
    private final double[] cumulative;

    public RequestMix(List<RequestTemplate> requests, Map<String, Variable> variables) {
        if (requests.isEmpty()) throw new IllegalArgumentException("a request mix needs at least one request");
        this.requests = List.copyOf(requests);
        this.cumulative = new double[requests.size()];
        double sum = 0;
        for (int i = 0; i < requests.size(); i++) {
            requests.get(i).bind(variables);
            cumulative[i] = sum += requests.get(i).weight();
        }
    }

    public static RequestMix of(RequestTemplate single) {
        return new RequestMix(List.of(single), Map.of());
    }

    /** One request of the mix with its variables drawn: the template it came from (its name, its expectation) and the request to send. */
    public record Drawn(RequestTemplate template, io.netty.handler.codec.http.FullHttpRequest request) {}

    /** Picks a request by weight and draws its variables, all from {@code random}. */
    public Drawn draw(SplittableRandom random, String hostHeader, String userAgent) {
        RequestTemplate t = pick(random);
        return new Drawn(t, t.build(random, hostHeader, userAgent));
    }

    RequestTemplate pick(SplittableRandom random) {
        if (requests.size() == 1) return requests.get(0);
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return requests.get(i);
        return requests.get(requests.size() - 1);
    }

    public List<RequestTemplate> requests() {
        return requests;
    }
}
