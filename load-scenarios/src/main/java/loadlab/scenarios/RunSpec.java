package loadlab.scenarios;

import java.util.Map;

import loadlab.scenarios.profile.ProfileSpec;

/**
 * Everything one load run needs, as plain values: handed from the command line to the injector
 * JVM as a JSON file.
 *
 * @param segment          "K/N" to run injector K's share of the profile, or null
 * @param requestTimeoutMs a request without an answer by then is a timeout error, recorded at this value
 * @param metricsUrl       a Prometheus text endpoint to scrape every second, or null
 * @param terminal         whether progress goes to a terminal (one live line) or a log (a line every few seconds)
 * @param service          the reference service's set-up (backends, strategy) when loadlab started it, for run.json; else empty
 */
public record RunSpec(String name, String scenario, String target, ProfileSpec profile, String segment, long requestTimeoutMs,
                      Map<String, String> params, String runDir, String metricsUrl, boolean terminal,
                      Map<String, String> service) {
    public RunSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
        service = service == null ? Map.of() : Map.copyOf(service);
    }
}
