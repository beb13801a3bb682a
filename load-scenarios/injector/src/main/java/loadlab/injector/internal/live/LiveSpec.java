package loadlab.injector.internal.live;

import java.net.URI;
import java.time.Duration;

/**
 * Where a run's live results go while it runs ({@code --live otlp=URL}) and how often
 * ({@code --live-interval}, a whole number of seconds, so each push is made of whole seconds of the
 * interval logs and adds up to them).
 *
 * @param otlp       the OTLP/HTTP metrics endpoint, e.g. {@code http://127.0.0.1:4318/v1/metrics}
 * @param intervalMs how often to push
 */
public record LiveSpec(String otlp, long intervalMs) {
    /** How often unless the user says otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** Parses {@code otlp=URL}; one sentence for anything else. */
    public static LiveSpec parse(String text, Duration interval) {
        Duration every = interval == null ? DEFAULT_INTERVAL : interval;
        if (every.toMillis() % 1000 != 0 || every.toSeconds() < 1 || every.toSeconds() > 300) {
            throw new IllegalArgumentException("--live-interval " + every.toMillis() + "ms must be whole seconds from 1s to 300s, e.g. 5s");
        }
        int eq = text.indexOf('=');
        String kind = eq < 0 ? text : text.substring(0, eq);
        if (kind.equals("prometheus")) {
            throw new IllegalArgumentException("--live prometheus=:PORT is not built yet; push to an OpenTelemetry collector with --live otlp=URL "
                    + "(its Prometheus exporter serves the same histograms)");
        }
        if (!kind.equals("otlp") || eq < 0) {
            throw new IllegalArgumentException("--live " + text + " is not understood; write --live otlp=http://127.0.0.1:4318/v1/metrics");
        }
        String url = text.substring(eq + 1);
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
        return new LiveSpec(uri.getScheme() + "://" + uri.getRawAuthority() + path, every.toMillis());
    }
}
