package loadlab.service.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A redis-server of the test's own, on a port of its own, with no persistence, so the test may
 * kill it and start it again empty; the shared Redis on 6379 is never touched. Needs
 * {@code redis-server} on the PATH: skipped without it, unless {@code CI=true}, where it fails.
 */
public final class PrivateRedis implements AutoCloseable {
    private final int port;
    private final Path log;
    private Process process;

    private PrivateRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static PrivateRedis start(Path dir) throws Exception {
        String binary = findBinary();
        if (binary == null) {
            String why = "redis-server is not on the PATH";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + ", and CI=true makes the Redis restart test required");
            Assumptions.abort(why + "; Redis restart test skipped");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PrivateRedis redis = new PrivateRedis(port, dir.resolve("redis-" + port + ".log"));
        redis.launch(binary);
        return redis;
    }

    private static String findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) return p.toString();
        }
        Path sbin = Path.of("/usr/bin/redis-server");
        return Files.isExecutable(sbin) ? sbin.toString() : null;
    }

    private void launch(String binary) throws Exception {
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--daemonize", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answers()) {
            if (!process.isAlive()) throw new IllegalStateException("redis-server exited; see " + log);
            if (System.nanoTime() > deadline) throw new IllegalStateException("redis-server did not answer on " + port + "; see " + log);
            Thread.sleep(10); // polling a process we just started until its port answers
        }
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.getOutputStream().write("PING\r\n".getBytes());
            return s.getInputStream().read() == '+';
        } catch (IOException e) {
            return false;
        }
    }

    public String uri(String prefix) {
        return "redis://127.0.0.1:" + port + "/0?prefix=" + prefix;
    }

    /** SIGKILL, then a fresh server on the same port: everything it held is gone. */
    public void restartEmpty() throws Exception {
        kill();
        launch(findBinary());
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("redis-server " + process.pid() + " survived SIGKILL");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) kill();
    }
}
