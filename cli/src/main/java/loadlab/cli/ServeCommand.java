package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;

/** {@code loadlab serve}: runs the reference service until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the reference service (embedded backends by default) and serve until Ctrl-C.",
        footer = {"", "Examples:",
                "  loadlab serve",
                "  loadlab serve --strategy write --users 100000 --port 8080",
                "  loadlab serve --store postgres://127.0.0.1:5432/test --cache redis://127.0.0.1:6379 --stream redis://127.0.0.1:6379"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServiceConfig config = service.toConfig(host, port, 10_000);
        checkFree(host, port);
        ReferenceService running;
        try {
            running = ServiceBanner.start(out, config);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) throw inUse(port);
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "loadlab-shutdown"));
        ServiceBanner.started(out, running);
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            out.println("note: the admin API (/admin/...) still answers only clients on 127.0.0.1 or ::1");
        }
        out.println("serving; press Ctrl-C to stop");
        out.flush();
        stopped.await();
        return Loadlab.OK;
    }

    /** A port already taken is the user's to fix: one sentence, exit 2, before seeding anything. */
    private static void checkFree(String host, int port) {
        if (port == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw inUse(port);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); check --host and --port");
        }
    }

    private static IllegalArgumentException inUse(int port) {
        return new IllegalArgumentException("port " + port + " is in use; pick another with --port");
    }
}
