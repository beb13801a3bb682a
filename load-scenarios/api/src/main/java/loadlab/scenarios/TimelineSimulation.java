package loadlab.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import loadlab.scenarios.requests.WriteSpec;

/**
 * {@code timeline}: the reference service's workload. Each arriving user does one thing, chosen by
 * the mix: read a home timeline, post, search, or follow someone. Who acts and whom they follow is
 * drawn by a power law over user ids (the reference service seeds user 1 as the most followed), so
 * celebrity accounts are hot, as on a real social network.
 *
 * <p>Posts and follows are writes: each is kept in the run's write history and read back after the
 * run ({@code /posts/ID}, {@code GET /users/A/following/B}).
 *
 * <p>Parameters ({@code --param key=value}): {@code users} (10000), {@code mix}
 * ("read=80,post=10,search=8,follow=2"), {@code exponent} (1.0).
 */
public class TimelineSimulation extends Simulation {
    /**
     * A post is acknowledged with its id, and read back from the system of record; its text ends with
     * a token of its own, which the read-back must show (an id given out again is another post).
     */
    static final WriteSpec POSTED = WriteSpec.answered("$.id", "/posts/${id}").expecting("${value}");
    /** Letters and digits only, so the token reads back verbatim in JSON; unique per injector process and run. */
    private static final String TOKEN_PREFIX = "ll" + Long.toString(System.currentTimeMillis(), 36) + "p" + Long.toString(ProcessHandle.current().pid(), 36) + "n";
    private static final AtomicLong TOKENS = new AtomicLong();
    /** A follow is a PUT to a path the client chose; a GET of the same path answers 200 while it holds. */
    static final WriteSpec FOLLOWED = WriteSpec.chosen("${id}");
    static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    private final RunContext run = RunContext.current();

    {
        TimelineParams params = TimelineParams.of(run.params());
        int users = params.users();
        PowerLaw who = new PowerLaw(users, params.exponent());
        Map<String, Double> mix = params.mix();
        Timing t = run.timing();
        Map<String, ChainBuilder> actions = Map.of(
                "read", t.request("timeline", http("timeline").get(s -> "/users/" + who.next() + "/timeline")),
                "post", exec(s -> s.set(Timing.WRITE_VALUE, token()))
                        .exec(t.write("post", http("post").post(s -> "/users/" + who.next() + "/posts")
                                .body(StringBody(s -> "{\"text\":\"" + words(3) + " " + s.getString(Timing.WRITE_VALUE) + "\"}")).asJson(), POSTED)),
                "search", t.request("search", http("search").get(s -> "/search?q=" + words(1))),
                "follow", exec(s -> s.set(Timing.WRITE_ID, follow(users, who)))
                        .exec(t.write("follow", http("follow").put(s -> s.getString(Timing.WRITE_ID)), FOLLOWED)));
        List<Choice.WithWeight> choices = new ArrayList<>();
        mix.forEach((name, weight) -> choices.add(percent(weight).then(actions.get(name))));
        ScenarioBuilder scenario = scenario("timeline").exec(t.arrive()).exec(randomSwitch().on(choices));
        setUp(run.inject(scenario)).protocols(run.protocol());
    }

    @Override
    public void before() {
        run.started();
    }

    private static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : "+").append(WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)]);
        return n == 1 ? b.toString() : b.toString().replace('+', ' ');
    }

    private static String token() {
        return TOKEN_PREFIX + TOKENS.incrementAndGet();
    }

    private static String follow(int users, PowerLaw who) {
        long follower = 1 + ThreadLocalRandom.current().nextInt(users);
        long followee = who.next();
        if (followee == follower) followee = followee % users + 1;
        return "/users/" + follower + "/following/" + followee;
    }
}
