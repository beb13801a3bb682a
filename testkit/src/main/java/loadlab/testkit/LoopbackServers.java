package loadlab.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

/**
 * Makes the JDK's HTTP servers the loopback targets run on, on 127.0.0.1 and a free port, with
 * Nagle's algorithm off. The JDK reads {@code sun.net.httpserver.nodelay} once, when a JVM makes its
 * first server, so it is set here before any: a target made another way first would leave every
 * later one waiting 40 ms for delayed acknowledgements. Every test server is made here, so none is
 * made another way first.
 */
public final class LoopbackServers {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackServers() {}

    public static HttpServer http(int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
    }

    public static HttpsServer https(int backlog) throws IOException {
        return HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
    }
}
