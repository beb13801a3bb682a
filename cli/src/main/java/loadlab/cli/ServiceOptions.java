package loadlab.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

import loadlab.service.ServiceConfig;
import loadlab.service.seed.SeedSpec;
import loadlab.service.timeline.ReadFanout;
import loadlab.service.timeline.TimelineStrategy;

/** The reference service's flags, shared by every verb that starts it. */
public final class ServiceOptions {
    @Option(names = "--strategy", paramLabel = "read|write|hybrid", defaultValue = "hybrid",
            description = "Timeline strategy: fan-out on read, on write, or hybrid (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--celebrity-threshold", defaultValue = "1000",
            description = "Under hybrid, accounts with more followers than this are merged at read time (default: ${DEFAULT-VALUE}).")
    int celebrityThreshold;

    @Option(names = "--timeline-window", defaultValue = "800", description = "Entries kept per cached timeline (default: ${DEFAULT-VALUE}).")
    int timelineWindow;

    @Option(names = "--store", defaultValue = "h2:mem", paramLabel = "URI",
            description = "System of record: h2:mem, h2:file:PATH or postgres://user@127.0.0.1:5432/test[?schema=s] (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--cache", defaultValue = "caffeine", paramLabel = "URI",
            description = "Timeline cache: caffeine or redis://127.0.0.1:6379[/db][?prefix=p] (default: ${DEFAULT-VALUE}).")
    String cache;

    @Option(names = "--stream", defaultValue = "in-process", paramLabel = "URI",
            description = "Stream of new posts: in-process or redis://127.0.0.1:6379[?prefix=p] (default: ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--users", description = "Users to seed into an empty store (default: 10000 for serve, 2000 for demo).")
    Integer users;

    @Option(names = "--follows-per-user", defaultValue = "10", description = "Mean accounts each user follows (default: ${DEFAULT-VALUE}).")
    int followsPerUser;

    @Option(names = "--follower-exponent", defaultValue = "1.0",
            description = "Zipf exponent of account popularity; higher means a few accounts with very many followers (default: ${DEFAULT-VALUE}).")
    double followerExponent;

    @Option(names = "--posts-per-user", defaultValue = "5", description = "Posts each seeded user has made (default: ${DEFAULT-VALUE}).")
    int postsPerUser;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the data set (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-in-flight", defaultValue = "512",
            description = "Requests queued or being served at once; more are shed at once with 503 (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--max-queue-delay", defaultValue = "500ms", converter = DurationConverter.class,
            description = "A request that waited longer than this for a worker, after its last byte arrived, is shed with 503 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxQueueDelay;

    @Option(names = "--body-timeout", defaultValue = "5s", converter = DurationConverter.class,
            description = "A request body that has not arrived this long after the request began is refused with 408; slow bodies "
                    + "hold no worker meanwhile (default: ${DEFAULT-VALUE}).")
    Duration bodyTimeout;

    @Option(names = "--http-threads", defaultValue = "64",
            description = "Workers that serve requests and wait on the building blocks; I/O has threads of its own (default: ${DEFAULT-VALUE}).")
    int httpThreads;

    @Option(names = "--read-fanout", defaultValue = "1", paramLabel = "K",
            description = "Cache shards a home-timeline read asks in parallel, waiting for the slowest: makes tail-latency amplification "
                    + "measurable (Server-Timing says fanout;desc=K) (default: ${DEFAULT-VALUE}).")
    int readFanout;

    @Option(names = "--hedge-after", paramLabel = "PERCENTILE",
            description = "With --read-fanout: a shard call still outstanding after this percentile of recent shard calls (e.g. 95th) is "
                    + "asked again and the first answer wins; Server-Timing says hedge;desc=N (default: no hedging).")
    String hedgeAfter;

    ServiceConfig toConfig(String host, int port, int defaultUsers) {
        SeedSpec seedSpec = new SeedSpec(users == null ? defaultUsers : users, followsPerUser, followerExponent, postsPerUser, seed);
        return ServiceConfig.defaults()
                .withHost(host)
                .withPort(port)
                .withStrategy(TimelineStrategy.parse(strategy), celebrityThreshold)
                .withTimelineWindow(timelineWindow)
                .withBackends(store, cache, stream)
                .withSeed(seedSpec)
                .withShedding(maxInFlight, maxQueueDelay, httpThreads)
                .withBodyTimeout(bodyTimeout)
                .withReadFanout(new ReadFanout(readFanout, hedgeAfter == null ? 0 : ReadFanout.percentile(hedgeAfter)));
    }
}
