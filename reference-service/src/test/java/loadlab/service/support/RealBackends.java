package loadlab.service.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The PostgreSQL and Redis on this machine, for the contract tests' real-backend subclasses.
 * When one is unreachable the test is skipped, unless {@code CI=true}: then it fails, so CI can
 * never pass by silently skipping them. Each test gets its own schema or key prefix and removes it.
 */
public final class RealBackends {
    public static final String HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;

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
        if (reachable(port)) return;
        String why = name + " is not reachable on " + HOST + ":" + port;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + ", and CI=true makes the real-backend tests required");
        Assumptions.abort(why + "; real-backend test skipped");
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1_000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
