package loadlab.recording;

import java.util.Map;

/**
 * {@code run.json}: the context every figure carries (what was run against what, under which
 * profile, with which tool and on which machine). Written when a run starts and again when it ends.
 *
 * @param measureFromMillis epoch milliseconds when counting started (after the warm-up): an estimate while the run
 *                          goes on, set to when the recorder really began counting when it ends
 * @param targetRate        requests per second the profile asks for in the measured window; null for a closed model
 * @param segment           "K/N" when this injector ran one share of a profile split over N injectors
 */
public record RunManifest(String schema, String name, String scenario, String target, String model,
                          Map<String, Object> profile, Map<String, Object> parameters, String started, String ended,
                          long measureFromMillis, double measuredSeconds, Double targetRate, String segment,
                          boolean interrupted, Map<String, String> tool, Map<String, Object> environment) {
    public static final String SCHEMA = "loadlab.run/1";
    public static final String FILE = "run.json";

    public RunManifest ended(String endedAt, double seconds, boolean wasInterrupted) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, endedAt, measureFromMillis,
                seconds, targetRate, segment, wasInterrupted, tool, environment);
    }

    /** The same manifest with the start of measurement corrected to when counting really began. */
    public RunManifest measuredFrom(long millis) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, ended, millis, measuredSeconds,
                targetRate, segment, interrupted, tool, environment);
    }

    /** The JVM, operating system and CPU count of this process. */
    public static Map<String, Object> thisEnvironment() {
        return Map.of(
                "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "cpus", Runtime.getRuntime().availableProcessors(),
                "host", hostName());
    }

    /** The host's name without a name lookup (a lookup could reach a DNS server: loadlab talks only to its target). */
    private static String hostName() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }
}
