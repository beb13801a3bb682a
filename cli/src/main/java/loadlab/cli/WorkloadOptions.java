package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

import loadlab.recording.FileProblem;
import loadlab.injector.internal.run.Engine;
import loadlab.injector.internal.run.RunSpec;
import loadlab.scenarios.Scenarios;
import loadlab.injector.internal.engine.IdleWait;
import loadlab.scenarios.requests.RequestSpec;
import loadlab.scenarios.faults.FaultAction;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.AbortPlan;
import loadlab.injector.internal.run.JourneySource;
import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;

/**
 * What load is sent and how, shared by every verb that drives load ({@code run}, {@code capacity}):
 * the target (or the reference service), the workload (a scenario, a request file, one request, a
 * journey) and the engine's settings. Checked in one place, before any load.
 */
public final class WorkloadOptions {
    @Option(names = "--target", paramLabel = "URL", description = "HTTP target; without it loadlab starts the reference service for the run.")
    String target;

    @Option(names = "--scenario", description = "What each user does: http-get or timeline (default: http-get with --target, timeline without).")
    String scenario;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Scenario parameter, e.g. mix=read=90,post=10 (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "A request without an answer by then is a timeout error (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--metrics", paramLabel = "URL", description = "Prometheus endpoint to scrape each second (default: the target's /metrics when it has one).")
    String metrics;

    @Option(names = "--engine", paramLabel = "requests|gatling",
            description = "What drives the load: requests (loadlab's own, nanosecond schedule; for http-get) or gatling (journeys; "
                    + "millisecond schedule). Default: requests for http-get, gatling for journeys.")
    String engine;

    @Option(names = "--connections", defaultValue = "" + RunSpec.DEFAULT_CONNECTIONS,
            description = "The request engine's most connections open at once; an arrival that finds none free waits, and the wait is "
                    + "counted in its response time and reported as blocked (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--insecure", description = "Accept any TLS certificate (a self-signed one); by default certificates and host "
            + "names are verified.")
    boolean insecure;

    @Option(names = "--idle", paramLabel = "sleep|tight|spin", defaultValue = "sleep",
            description = "What the request engine's event loops do between events: sleep (least CPU), tight (sleep with 1 µs timer "
                    + "slack: about half the start lag, twice the CPU at high rates) or spin (never sleep: least start lag and read "
                    + "delay, a whole core per event loop). Default: ${DEFAULT-VALUE}.")
    String idle;

    @Option(names = "--poisson-seed", paramLabel = "SEED",
            description = "Poisson arrivals drawn with this seed (the request engine); by default arrivals are evenly spaced.")
    Long poissonSeed;

    @Option(names = "--simulation", paramLabel = "FILE.java|FILE.jar",
            description = "Your own user journey: a class extending loadlab.scenarios.Journey, as a .java file (compiled here, against "
                    + "loadlab's classpath) or a .jar; runs on Gatling.")
    Path simulation;

    @Option(names = "--requests", paramLabel = "FILE",
            description = "A request file: a weighted mix of named requests with variables (see the README); runs on the request engine.")
    Path requestsFile;

    @Option(names = "--method", description = "The method of the one request sent to --target (default: GET, or POST with --body).")
    String method;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'", description = "A header of the one request sent to --target; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT|@FILE", description = "The body of the one request sent to --target, or @FILE for a file's bytes.")
    String body;

    /** The checked workload: what runs, on which engine, and the files it needs. */
    record Workload(String scenario, Engine engine, IdleWait idle, RequestSpec requests, JourneySource journey, Path journeyClasses)
            implements AutoCloseable {
        /** The run's default name: the journey's file or the scenario. */
        String defaultName(Path simulation) {
            return journey != null ? simulation.getFileName().toString().replaceAll("\\.(java|jar)$", "") : scenario;
        }

        @Override
        public void close() {
            if (journeyClasses != null) deleteTree(journeyClasses);
        }
    }

    /** Where the load goes: a URL, or the reference service started for it (closed with this). */
    record Target(String url, ReferenceService reference, String scrape) implements AutoCloseable {
        Map<String, String> serviceSetup() {
            return reference == null ? Map.of() : ServiceBanner.setup(reference);
        }

        @Override
        public void close() {
            if (reference != null) reference.close();
        }
    }

    /** Checks every flag, compiles a journey, reads a request file; one sentence (exit 2) for what is wrong. */
    Workload prepare(PrintWriter err) throws IOException {
        if (requestsFile != null && scenario != null) throw new IllegalArgumentException("--requests is the workload; drop --scenario");
        if (simulation != null && (scenario != null || requestsFile != null)) {
            throw new IllegalArgumentException("--simulation is the workload; drop --scenario and --requests");
        }
        if (connections < 1) throw new IllegalArgumentException("--connections must be at least 1, got " + connections);
        if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("--timeout must be positive");
        Path journeyClasses = simulation == null ? null : Files.createTempDirectory("loadlab-journey");
        try {
            JourneySource journey = simulation == null ? null : JourneySource.prepare(simulation, journeyClasses);
            String chosen = journey != null ? journey.scenario() : requestsFile != null ? "requests"
                    : scenario != null ? scenario : target == null ? "timeline" : "http-get";
            RequestSpec requests = requestSpec(chosen);
            Scenarios.check(chosen, params);
            Engine engineChoice = engine == null ? Engine.defaultFor(chosen) : Engine.parse(engine);
            engineChoice.check(chosen);
            IdleWait idleWait = IdleWait.parse(idle);
            if (idleWait != IdleWait.SLEEP && engineChoice != Engine.REQUESTS) {
                throw new IllegalArgumentException("--idle sets the request engine's event loops; Gatling has its own, so drop --idle");
            }
            if (target != null && "timeline".equals(chosen) && !params.containsKey("users")) {
                err.println("loadlab: warning: the timeline scenario draws user ids 1 to 10000; if your service "
                        + "holds another number of users, pass --param users=N");
            }
            return new Workload(chosen, engineChoice, idleWait, requests, journey, journeyClasses);
        } catch (RuntimeException e) {
            if (journeyClasses != null) deleteTree(journeyClasses);
            throw e;
        }
    }

    /** Starts the reference service when there is no --target (seeding {@code defaultUsers}), else checks the target answers. */
    Target open(PrintWriter console, ServiceOptions service) throws Exception {
        if (target == null) {
            ServiceConfig config = service.toConfig("127.0.0.1", 0, 10_000);
            ReferenceService reference = ServiceBanner.start(console, config);
            ServiceBanner.started(console, reference);
            String url = reference.uri() + "/";
            long users = reference.seeded().users() > 0 ? reference.seeded().users() : reference.seeded().existingUsers();
            params.putIfAbsent("users", Long.toString(users > 0 ? users : 10_000));
            return new Target(url, reference, metrics != null ? metrics : reference.uri() + "/metrics");
        }
        checkReachable(target);
        return new Target(target, null, metrics != null ? metrics : hasPrometheus(target) ? URI.create(target).resolve("/metrics").toString() : null);
    }

    /** One run of this workload: what the injector JVM is handed. */
    RunSpec spec(Workload w, Target t, String runName, ProfileSpec profile, String segment, Path dir, boolean terminal) {
        return spec(w, t, runName, profile, segment, dir, terminal, null, null, null, null);
    }

    /** The same, with a fault schedule, the action that clears every fault, and the instant to start measuring (or nulls). */
    RunSpec spec(Workload w, Target t, String runName, ProfileSpec profile, String segment, Path dir, boolean terminal,
                 FaultSchedule faults, FaultAction clearFaults, Instant startAt,
                 AbortPlan abort) {
        return RunSpec.builder(w.scenario(), t.url(), profile).name(runName).segment(segment).requestTimeoutMs(timeout.toMillis())
                .params(params).runDir(dir.toString()).metricsUrl(t.scrape()).terminal(terminal).service(t.serviceSetup())
                .engine(w.engine()).connections(connections).insecure(insecure).poissonSeed(poissonSeed).requests(w.requests())
                .classpath(w.journey() == null ? null : w.journey().classpathEntry()).idle(w.idle()).faults(faults)
                .clearFaults(clearFaults).startAtMillis(startAt == null ? null : startAt.toEpochMilli()).abort(abort).build();
    }

    /** What the request engine sends; the file is read here once, so a wrong one is refused before any load. */
    private RequestSpec requestSpec(String chosen) {
        boolean oneRequest = method != null || !headers.isEmpty() || body != null;
        if (oneRequest && !"http-get".equals(chosen)) {
            throw new IllegalArgumentException("--method, --header and --body describe the one request sent to --target; "
                    + "they do not go with the " + chosen + " scenario");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String h : headers) {
            Map.Entry<String, String> e = RequestSpec.header(h);
            parsed.put(e.getKey(), e.getValue());
        }
        String content = body;
        if (body != null && body.startsWith("@")) {
            try {
                content = Files.readString(Path.of(body.substring(1)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--body " + body + ": the file " + body.substring(1) + " " + FileProblem.of(e));
            }
        }
        String file = requestsFile == null ? null : requestsFile.toAbsolutePath().toString();
        RequestSpec spec = new RequestSpec(file, method, parsed, content);
        if (file != null) spec.toMix(target == null ? null : URI.create(target));
        return spec;
    }

    private static void checkReachable(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target '" + url + "' is not a URL; write it like http://127.0.0.1:8080/");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--target '" + url + "' must be an http:// or https:// URL with a host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 3_000);
        } catch (IOException e) {
            throw new IllegalArgumentException("the target " + uri.getHost() + ":" + port + " is unreachable (" + e.getMessage()
                    + "); start it or fix --target");
        }
    }

    private static boolean hasPrometheus(String url) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url).resolve("/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("# TYPE");
        } catch (Exception e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory harms nothing
        }
    }
}
