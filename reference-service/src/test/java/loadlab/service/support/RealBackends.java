package loadlab.service.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import loadlab.testkit.LocalService;

/**
 * The PostgreSQL and Redis on this machine, for the contract tests' real-backend subclasses.
 * When one is unreachable the test is skipped, unless {@code CI=true}: then it fails, so CI can
 * never pass by silently skipping them. Each test gets its own schema or key prefix and removes it.
 */
public final class RealBackends {
    public static final String HOST = LocalService.HOST;
    public static final int POSTGRES_PORT = LocalService.POSTGRES_PORT;
    public static final int REDIS_PORT = LocalService.REDIS_PORT;

    private RealBackends() {}

    public static String uniqueName(String base) {
        return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A store URI in a fresh schema of database {@code test}. */
    public static String postgres(String schema) {
        require(POSTGRES_PORT, "PostgreSQL");
        return "postgres://" + HOST + ":" + POSTGRES_PORT + "/test?schema=" + schema;
    }

    /** A Redis URI whose keys all start with {@code prefix:}. */
    public static String redis(String prefix) {
        require(REDIS_PORT, "Redis");
        return "redis://" + HOST + ":" + REDIS_PORT + "/0?prefix=" + prefix;
    }

    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/test",
                System.getProperty("user.name"), null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    public static void deleteKeys(String prefix) {
        try (Jedis jedis = new Jedis(HOST, REDIS_PORT)) {
            ScanParams params = new ScanParams().match(prefix + ":*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                if (!page.getResult().isEmpty()) jedis.del(page.getResult().toArray(String[]::new));
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    private static void require(int port, String name) {
        LocalService.require(port, name);
    }
}
