package loadlab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need a service running on this machine (PostgreSQL, Redis): when it is
 * unreachable the test is skipped, unless {@code CI=true}, where it fails, so CI can never pass by
 * silently skipping them.
 */
public final class LocalService {
    public static final String HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;

    private LocalService() {}

    /** Returns when {@code name} answers on 127.0.0.1:{@code port}; else skips the test, or fails it under CI. */
    public static void require(int port, String name) {
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
