package loadlab.service.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;
import loadlab.service.seed.SeedSpec;

/**
 * The reference service in a JVM of its own, so a test can kill it with SIGKILL as a crash would,
 * and start it again on the same backends. The child exits by itself when the test's end of its
 * standard input closes, so no test leaves one behind.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;

    private ServiceProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts a service on a free loopback port with the given backends (a small data set is seeded into an empty store). */
    public static ServiceProcess start(String store, String cache, String stream, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServiceProcess.class.getName());
        command.add(store);
        command.add(cache);
        command.add(stream);
        try {
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening ")) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("the service process did not start (" + line + "); see " + log);
            }
            return new ServiceProcess(p, URI.create(line.substring("listening ".length()).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    /** The child: starts the service, prints where it listens, serves until its standard input closes. */
    public static void main(String[] args) throws Exception {
        ServiceConfig config = EmbeddedService.config().withSeed(new SeedSpec(50, 5, 1.0, 2, 5)).withBackends(args[0], args[1], args[2]);
        ReferenceService service = ReferenceService.start(config);
        System.out.println("listening " + service.uri());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the test holds our standard input open while it wants us
        }
        service.close();
        System.exit(0);
    }
}
