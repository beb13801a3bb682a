package loadlab.injector.internal.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where a run's live results go while it runs ({@code --live otlp=URL}, {@code --live
 * prometheus=[HOST]:PORT}, either or both) and how often ({@code --live-interval}, a whole number of
 * seconds, so each push is made of whole seconds of the interval logs and adds up to them; for a
 * Prometheus endpoint it is also how long the injector waits after the run for a last scrape).
 *
 * @param otlp           the OTLP/HTTP metrics endpoint, e.g. {@code http://127.0.0.1:4318/v1/metrics}; null: none
 * @param prometheusHost the address a Prometheus endpoint listens on ({@code 0.0.0.0} for {@code :PORT}); null: none
 * @param prometheusPort its port
 * @param intervalMs     how often to push, and the longest wait for a last scrape
 */
public record LiveSpec(String otlp, String prometheusHost, int prometheusPort, long intervalMs) {
    /** How often unless the user says otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** Where a scraper finds the metrics. */
    public static final String PROMETHEUS_PATH = "/metrics";

    /** Parses each {@code --live} value; one sentence for anything wrong. */
    public static LiveSpec parse(List<String> texts, Duration interval) {
        Duration every = interval == null ? DEFAULT_INTERVAL : interval;
        if (every.toMillis() % 1000 != 0 || every.toSeconds() < 1 || every.toSeconds() > 300) {
            throw new IllegalArgumentException("--live-interval " + every.toMillis() + "ms must be whole seconds from 1s to 300s, e.g. 5s");
        }
        String otlp = null;
        String host = null;
        int port = 0;
        for (String text : texts) {
            int eq = text.indexOf('=');
            String kind = eq < 0 ? text : text.substring(0, eq);
            String value = eq < 0 ? "" : text.substring(eq + 1);
            if (kind.equals("otlp") && eq > 0) {
                if (otlp != null) throw new IllegalArgumentException("--live otlp= is given twice; push to one collector (it can fan out)");
                otlp = otlpUrl(value);
            } else if (kind.equals("prometheus") && eq > 0) {
                if (host != null) throw new IllegalArgumentException("--live prometheus= is given twice; one endpoint serves every scraper");
                InetSocketAddress address = listenAddress(value);
                host = address.getHostString();
                port = address.getPort();
            } else {
                throw new IllegalArgumentException("--live " + text + " is not understood; write --live otlp=http://127.0.0.1:4318/v1/metrics "
                        + "or --live prometheus=:9464");
            }
        }
        if (otlp == null && host == null) throw new IllegalArgumentException("--live needs otlp=URL or prometheus=:PORT");
        return new LiveSpec(otlp, host, port, every.toMillis());
    }

    public boolean prometheus() {
        return prometheusHost != null;
    }

    /** The address a scraper is told, for the console. */
    public String prometheusUrl() {
        String host = prometheusHost.contains(":") ? "[" + prometheusHost + "]" : prometheusHost;
        return "http://" + host + ":" + prometheusPort + PROMETHEUS_PATH;
    }

    /**
     * Says, in one sentence, when the Prometheus endpoint's port cannot be listened on (taken, or an
     * address not on this machine), so that it is known before any load rather than in the injector.
     */
    public void checkPrometheusPort() {
        if (!prometheus()) return;
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(prometheusHost, prometheusPort));
        } catch (IOException e) {
            throw new IllegalArgumentException("--live prometheus=" + prometheusHost + ":" + prometheusPort + " cannot listen there ("
                    + e.getMessage() + "); pick a free port, or an address of this machine");
        }
    }

    private static String otlpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--live otlp=" + url + " is not a URL; write it like http://127.0.0.1:4318/v1/metrics");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null
                || uri.getPort() == 0) {
            throw new IllegalArgumentException("--live otlp=" + url + " must be an http:// or https:// URL with a host, like http://127.0.0.1:4318/v1/metrics");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/") ? "/v1/metrics" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    /** {@code :PORT}, {@code HOST:PORT} or {@code [V6]:PORT}; the port from 1 to 65535. */
    private static InetSocketAddress listenAddress(String text) {
        String bad = "--live prometheus=" + text + " is not an address to listen on; write :PORT (every interface) or HOST:PORT, "
                + "e.g. prometheus=:9464 or prometheus=127.0.0.1:9464";
        int colon = text.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException(bad);
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.contains(":")) throw new IllegalArgumentException(bad);
        if (host.isEmpty()) host = "0.0.0.0";
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad);
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("--live prometheus=" + text + ": the port must be from 1 to 65535");
        return InetSocketAddress.createUnresolved(host, port);
    }
}
