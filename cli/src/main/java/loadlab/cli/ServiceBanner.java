package loadlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import loadlab.service.Redaction;
import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;
import loadlab.service.seed.Seeder;
import loadlab.service.timeline.TimelineRebuild;

/** How the CLI describes a started reference service. */
final class ServiceBanner {
    private ServiceBanner() {}

    /** The set-up a run against this service records in run.json: strategy and backends, without credentials. */
    static Map<String, String> setup(ReferenceService service) {
        ServiceConfig c = service.config();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("strategy", c.strategy().id());
        m.put("store", Redaction.location(String.valueOf(c.store())));
        m.put("cache", Redaction.location(String.valueOf(c.cache())));
        m.put("stream", Redaction.location(String.valueOf(c.stream())));
        m.put("users", Long.toString(Math.max(service.seeded().users(), service.seeded().existingUsers())));
        m.put("timeline_window", Integer.toString(c.timelineWindow()));
        m.put("celebrity_threshold", Integer.toString(c.celebrityThreshold()));
        m.put("workers", Integer.toString(c.httpThreads()));
        m.put("max_in_flight", Integer.toString(c.maxInFlight()));
        m.put("max_queue_delay_ms", Long.toString(c.maxQueueDelay().toMillis()));
        m.put("body_timeout_ms", Long.toString(c.bodyTimeout().toMillis()));
        return m;
    }

    /**
     * Starts the service, saying what it seeds and, every five seconds until it is up, how long it
     * has been at it: seeding a large store takes minutes, and a silent terminal looks hung.
     */
    static ReferenceService start(PrintWriter out, ServiceConfig c) throws Exception {
        out.printf(Locale.ROOT, "starting the reference service: seeding %,d users into %s (when empty) and building timelines and "
                + "the search index...%n", c.seed().users(), Redaction.location(String.valueOf(c.store())));
        out.flush();
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadlab-seed-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            out.printf(Locale.ROOT, "  still seeding and building: %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
            out.flush();
        }, 5, 5, TimeUnit.SECONDS);
        try {
            return ReferenceService.start(c);
        } finally {
            ticker.shutdownNow();
        }
    }

    static void started(PrintWriter out, ReferenceService service) {
        ServiceConfig c = service.config();
        String listen = service.listenAddress();
        String where = listen.equals(service.uri().getAuthority()) ? service.uri().toString()
                : service.uri() + (listen.startsWith("*:") ? " (listening on every interface, " + listen + ")" : " (listening on " + listen + ")");
        out.printf(Locale.ROOT, "reference service on %s  strategy=%s  store=%s  cache=%s  stream=%s%n",
                where, c.strategy().id(), Redaction.location(String.valueOf(c.store())), Redaction.location(String.valueOf(c.cache())),
                Redaction.location(String.valueOf(c.stream())));
        Seeder.Report s = service.seeded();
        if (s.users() > 0) {
            out.printf(Locale.ROOT, "seeded %,d users, %,d follows, %,d posts in %.1f s%n", s.users(), s.follows(), s.posts(), s.millis() / 1000.0);
        } else if (s.existingUsers() > 0) {
            out.printf(Locale.ROOT, "store already holds %,d users: not seeded%n", s.existingUsers());
        }
        TimelineRebuild.Report b = service.built();
        out.printf(Locale.ROOT, "derived data rebuilt from the store: %,d timelines (%,d entries) in %.1f s, search index in %.1f s%n",
                b.users(), b.timelineEntries(), b.timelinesMillis() / 1000.0, b.indexMillis() / 1000.0);
    }
}
