package loadlab.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: the context every figure carries (what was run against what, under which
 * profile, with which tool and on which machine). Written when a run starts and again when it ends;
 * built by the factories below, never by positional nulls.
 *
 * @param measureFromMillis epoch milliseconds when counting started (after the warm-up): an estimate while the run
 *                          goes on, set to when the recorder really began counting when it ends
 * @param measuredSeconds   length of the measured window; 0 until the run ends
 * @param targetRate        requests per second the profile asks of this injector in the measured window; null for a closed model or a bench run
 * @param ended             when the run ended; null while it runs, and in a run whose injector was killed
 * @param interrupted       whether the run stopped before its profile's end
 * @param failure           why the run stopped early, in one sentence (a crashed injector, a full disk, a vanished parent); null otherwise
 * @param service           for a run against the reference service loadlab started: its backends and strategy; else empty
 * @param connections       the request engine's connections: how many it opened, against its limit; null for other engines
 */
public record RunManifest(String schema, String name, String scenario, String target, RunModel model, RecordedProfile profile,
                          Map<String, String> parameters, String started, String ended, long measureFromMillis, double measuredSeconds,
                          Double targetRate, Segment segment, boolean interrupted, String failure, Tool tool,
                          Map<String, Object> environment, Map<String, String> service, List<String> mergedFrom,
                          String startAt, Connections connections) {

    /**
     * How many connections the request engine opened over the run, and its pool's limit: a target
     * that closes connections (no keep-alive, HTTP/1.0) makes it open about one per request.
     */
    public record Connections(long opened, int limit) {}
    public static final String SCHEMA = "loadlab.run/2";
    public static final String FILE = "run.json";
    /** Earliest plausible time zero: 2000-01-01. A run.json that says otherwise was not written by a run. */
    private static final long EARLIEST_MILLIS = 946_684_800_000L;

    public RunManifest {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        service = service == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(service));
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
    }

    /** A load run's manifest as it starts. */
    public static RunManifest load(String name, String scenario, String target, RecordedProfile profile, Map<String, String> parameters,
                                   Instant started, long measureFromMillis, Double targetRate, Segment segment, Tool tool) {
        return new RunManifest(SCHEMA, name, scenario, target, profile.model(), profile, parameters, started.toString(), null,
                measureFromMillis, 0, targetRate, segment, false, null, tool, thisEnvironment(), Map.of(), null, null, null);
    }

    /** A bench run's manifest as it starts. */
    public static RunManifest bench(RecordedProfile.Bench settings, Instant started, Tool tool) {
        return new RunManifest(SCHEMA, "bench", "bench", null, RunModel.JMH, settings, Map.of(), started.toString(), null,
                started.toEpochMilli(), 0, null, null, false, null, tool, thisEnvironment(), Map.of(), null, null, null);
    }

    public RunManifest ended(String endedAt, double seconds, boolean wasInterrupted, String why) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, endedAt, measureFromMillis,
                seconds, targetRate, segment, wasInterrupted, why, tool, environment, service, mergedFrom, startAt, connections);
    }

    /** The same manifest with the start of measurement corrected to when counting really began. */
    public RunManifest measuredFrom(long millis) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, ended, millis, measuredSeconds,
                targetRate, segment, interrupted, failure, tool, environment, service, mergedFrom, startAt, connections);
    }

    /** The same manifest recording the reference service's set-up (backends, strategy) the run was made against. */
    public RunManifest against(Map<String, String> serviceSetup) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, ended, measureFromMillis,
                measuredSeconds, targetRate, segment, interrupted, failure, tool, environment, serviceSetup, mergedFrom, startAt, connections);
    }

    /**
     * The same manifest for a run told to start measuring at {@code instant} ({@code --start-at}),
     * so segments on several machines share one time zero; {@link #measureFromMillis} says when it
     * really did, on this machine's clock.
     */
    public RunManifest startingAt(Instant instant) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, ended, measureFromMillis,
                measuredSeconds, targetRate, segment, interrupted, failure, tool, environment, service, mergedFrom, instant.toString(), connections);
    }

    /** The same manifest with the request engine's connection count. */
    public RunManifest withConnections(long opened, int limit) {
        return new RunManifest(schema, name, scenario, target, model, profile, parameters, started, ended, measureFromMillis,
                measuredSeconds, targetRate, segment, interrupted, failure, tool, environment, service, mergedFrom, startAt,
                new Connections(opened, limit));
    }

    /** How far after {@code --start-at} measuring began, in milliseconds on this machine's clock; null without one. */
    public Long startOffsetMillis() {
        return startAt == null ? null : measureFromMillis - Instant.parse(startAt).toEpochMilli();
    }

    /** The manifest of several segments' runs added up. */
    public static RunManifest merged(RunManifest first, RecordedProfile profile, String started, String ended, long measureFromMillis,
                                     double measuredSeconds, Double targetRate, boolean interrupted, String failure,
                                     List<String> from, Connections connections) {
        return new RunManifest(SCHEMA, first.name() + "-merged", first.scenario(), first.target(), first.model(), profile,
                first.parameters(), started, ended, measureFromMillis, measuredSeconds, targetRate, null, interrupted, failure,
                first.tool(), Map.of(), first.service(), from, first.startAt(), connections);
    }

    public RunKind kind() {
        return model.kind();
    }

    /** Whether the run stopped before its profile's end: interrupted, or its injector never wrote its end (killed). */
    public boolean stoppedEarly() {
        return interrupted || ended == null;
    }

    /**
     * Every field a reader relies on, checked at once: the first problem in one sentence, or null.
     * Bounds are wide (any real run fits) but finite, so no reader loops over a hostile span.
     */
    String problem() {
        if (!SCHEMA.equals(schema)) {
            return schema == null ? "it has no schema; it was not written by loadlab"
                    : "it has schema '" + schema + "', which this loadlab does not read (expected " + SCHEMA
                    + "); runs recorded by an older loadlab mixed failures into response times: record the run again";
        }
        if (model == null) return "it has no model";
        if (profile == null) return "it has no profile";
        if (profile.model() != model) return "its profile is a " + profile.model().id() + " one but its model is " + model.id();
        if (started == null || !instant(started)) return "its start time '" + started + "' is not an ISO-8601 instant";
        if (ended != null && !instant(ended)) return "its end time '" + ended + "' is not an ISO-8601 instant";
        if (startAt != null && !instant(startAt)) return "its start_at '" + startAt + "' is not an ISO-8601 instant";
        long latest = System.currentTimeMillis() + 366L * 24 * 3600 * 1000;
        if (measureFromMillis < EARLIEST_MILLIS || measureFromMillis > latest) {
            return "its measure_from_millis " + measureFromMillis + " is not a plausible time";
        }
        if (!(measuredSeconds >= 0 && measuredSeconds <= RecordedProfile.MAX_SECONDS)) {
            return "its measured_seconds " + measuredSeconds + " is not between 0 and 31 days";
        }
        if (targetRate != null && !(targetRate >= 0 && targetRate <= RecordedProfile.MAX_RATE)) {
            return "its target_rate " + targetRate + " is out of range";
        }
        if (model != RunModel.JMH && (scenario == null || scenario.isBlank())) return "it names no scenario";
        return null;
    }

    private static boolean instant(String s) {
        try {
            Instant.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The JVM, operating system and CPU count of this process. */
    public static Map<String, Object> thisEnvironment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("host", hostName());
        return env;
    }

    /** The host's name without a name lookup (a lookup could reach a DNS server: loadlab talks only to its target). */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }
}
