package loadlab.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import loadlab.service.cache.CaffeineTimelineCache;
import loadlab.service.cache.RedisTimelineCache;
import loadlab.service.cache.TimelineCache;
import loadlab.service.fault.Block;
import loadlab.service.redis.RedisClient;
import loadlab.service.redis.RedisLocation;
import loadlab.service.store.JdbcRecordStore;
import loadlab.service.store.RecordStore;
import loadlab.service.store.StoreLocation;

/**
 * The backends benchmarks compare, by the names their {@code @Param}s use: {@code caffeine} and
 * {@code redis} for the timeline cache, {@code h2} and {@code postgres} for the system of record.
 * Real backends are this machine's (127.0.0.1) and each benchmark gets its own key prefix or
 * schema, removed afterwards. {@code loadlab bench} leaves the real-backend params out, and says
 * so, when they are not reachable.
 */
public final class Backends {
    public static final String REDIS = "redis://127.0.0.1:6379/0";
    public static final String POSTGRES = "postgres://127.0.0.1:5432/test";

    private Backends() {}

    public static String uniqueName() {
        return "loadlab_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static TimelineCache cache(String backend, int window, String name) {
        return switch (backend) {
            case "caffeine" -> new CaffeineTimelineCache(window, 2_000_000, 2_000_000);
            case "redis" -> new RedisTimelineCache(new RedisClient(RedisLocation.parse("redis", REDIS + "?prefix=" + name), Block.CACHE, 8), window);
            default -> throw new IllegalArgumentException("unknown cache backend " + backend);
        };
    }

    public static RecordStore store(String backend, String name) {
        return switch (backend) {
            case "h2" -> new JdbcRecordStore(StoreLocation.parse("h2:mem"), 8);
            case "postgres" -> new JdbcRecordStore(StoreLocation.parse(POSTGRES + "?schema=" + name), 8);
            default -> throw new IllegalArgumentException("unknown store backend " + backend);
        };
    }

    /** Removes what a store benchmark created (a PostgreSQL schema; nothing for H2 in memory). */
    public static void dropStore(String backend, String name) throws Exception {
        if (!backend.equals("postgres")) return;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", System.getProperty("user.name"), null);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
