package loadlab.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * {@code timeline}: the reference service's workload. Each arriving user does one thing, chosen by
 * the mix: read a home timeline, post, search, or follow someone. Who acts and whom they follow is
 * drawn by a power law over user ids (the reference service seeds user 1 as the most followed), so
 * celebrity accounts are hot, as on a real social network.
 *
 * <p>Parameters ({@code --param key=value}): {@code users} (10000), {@code mix}
 * ("read=80,post=10,search=8,follow=2"), {@code exponent} (1.0).
 */
public class TimelineSimulation extends Simulation {
    static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    private final RunContext run = RunContext.current();

    {
        int users = Integer.parseInt(run.param("users", "10000"));
        PowerLaw who = new PowerLaw(users, Double.parseDouble(run.param("exponent", "1.0")));
        Map<String, Double> mix = mix(run.param("mix", "read=80,post=10,search=8,follow=2"));
        Timing t = run.timing();
        Map<String, io.gatling.javaapi.core.ChainBuilder> actions = Map.of(
                "read", t.request("timeline", http("timeline").get(s -> "/users/" + who.next() + "/timeline")),
                "post", t.request("post", http("post").post(s -> "/users/" + who.next() + "/posts")
                        .body(StringBody(s -> "{\"text\":\"" + words(3) + "\"}")).asJson()),
                "search", t.request("search", http("search").get(s -> "/search?q=" + words(1))),
                "follow", t.request("follow", http("follow").put(s -> follow(users, who))));
        List<Choice.WithWeight> choices = new ArrayList<>();
        mix.forEach((name, weight) -> choices.add(percent(weight).then(actions.get(name))));
        ScenarioBuilder scenario = scenario("timeline").exec(t.arrive()).exec(randomSwitch().on(choices));
        setUp(run.inject(scenario)).protocols(run.protocol());
    }

    @Override
    public void before() {
        run.started();
    }

    /** Parses "read=80,post=20" into percentages that must add up to 100. */
    static Map<String, Double> mix(String text) {
        Map<String, Double> mix = new LinkedHashMap<>();
        double total = 0;
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2 || !List.of("read", "post", "search", "follow").contains(kv[0])) {
                throw new IllegalArgumentException("--param mix '" + text + "' must look like read=80,post=10,search=8,follow=2");
            }
            double w = Double.parseDouble(kv[1]);
            if (w > 0) mix.put(kv[0], w);
            total += w;
        }
        if (Math.abs(total - 100) > 1e-6) throw new IllegalArgumentException("--param mix weights must add up to 100, got " + total);
        return mix;
    }

    private static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : "+").append(WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)]);
        return n == 1 ? b.toString() : b.toString().replace('+', ' ');
    }

    private static String follow(int users, PowerLaw who) {
        long follower = 1 + ThreadLocalRandom.current().nextInt(users);
        long followee = who.next();
        if (followee == follower) followee = followee % users + 1;
        return "/users/" + follower + "/following/" + followee;
    }
}
