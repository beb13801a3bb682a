package loadlab.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.recording.RunDirectory;
import loadlab.scenarios.RunSpec;
import loadlab.scenarios.Scenarios;
import loadlab.scenarios.profile.LoadProfile;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.scenarios.run.LoadRun;
import loadlab.recording.Segment;
import loadlab.service.ReferenceService;

/** {@code loadlab run}: drives load at a target (or the reference service) and writes a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a load scenario against an HTTP target (the reference service when no --target is given) "
                + "and write a run directory: interval logs, summary.json, server metrics.",
        footer = {"", "Examples:",
                "  loadlab run --rate 500/s --duration 30s                     (timeline scenario, reference service)",
                "  loadlab run --target http://127.0.0.1:8080/ --scenario http-get --rate 2000/s --duration 1m",
                "  loadlab run --ramp 100/s..2000/s --duration 2m --warmup 10s",
                "  loadlab run --stairs 250/s+250/s*8 --hold 20s",
                "  loadlab run --concurrency 32 --duration 1m                  (closed model, labelled as such)",
                "  loadlab run --target http://10.0.0.5/ --rate 3000/s --duration 5m --segment 2/4"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "URL", description = "HTTP target; without it loadlab starts the reference service for the run.")
    String target;

    @Option(names = "--scenario", description = "What each user does: http-get or timeline (default: http-get with --target, timeline without).")
    String scenario;

    @Option(names = "--rate", description = "Constant arrival rate, e.g. 500/s (default 100/s).")
    String rate;

    @Option(names = "--ramp", description = "Linear ramp of the arrival rate, e.g. 100/s..2000/s.")
    String ramp;

    @Option(names = "--stairs", description = "Staircase START+STEP*LEVELS, e.g. 250/s+250/s*8 (with --hold).")
    String stairs;

    @Option(names = "--hold", description = "Time per staircase level, e.g. 20s.")
    String hold;

    @Option(names = "--concurrency", description = "Closed model: this many users, each waiting for its response.")
    Integer concurrency;

    @Option(names = "--duration", description = "Measured duration, e.g. 30s, 2m (default 30s).")
    String duration;

    @Option(names = "--warmup", description = "Run first but not counted (default " + ProfileSpec.DEFAULT_WARMUP + ").")
    String warmup;

    @Option(names = "--profile", paramLabel = "FILE", description = "A YAML load profile (phases, or concurrency and duration).")
    String profileFile;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Scenario parameter, e.g. mix=read=90,post=10 (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "A request without an answer by then is a timeout error (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--segment", paramLabel = "K/N", description = "Run injector K's share of the profile; N injectors together make the whole.")
    String segment;

    @Option(names = "--metrics", paramLabel = "URL", description = "Prometheus endpoint to scrape each second (default: the target's /metrics when it has one).")
    String metrics;

    @Option(names = "--out", defaultValue = "runs", description = "Directory of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--engine", paramLabel = "requests|gatling",
            description = "What drives the load: requests (loadlab's own, nanosecond schedule; for http-get) or gatling (journeys; "
                    + "millisecond schedule). Default: requests for http-get, gatling for journeys.")
    String engine;

    @Option(names = "--connections", defaultValue = "64",
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

    @Option(names = "--name", description = "Name of the run directory (default: the scenario).")
    String name;

    @Option(names = "--gate", paramLabel = "GATE.yaml", description = "Judge the run against this gate spec as it finishes; the exit code is the gate's.")
    Path gate;

    @Mixin
    GateOptions gateOptions;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        ProfileSpec profile = new ProfileSpec(rate, ramp, stairs, hold, concurrency, duration, warmup, profileFile);
        LoadProfile parsed = profile.toProfile();
        if (segment != null) {
            Segment s = Segment.parse(segment);
            parsed.share(s.k(), s.n());
        }
        if (requestsFile != null && scenario != null) throw new IllegalArgumentException("--requests is the workload; drop --scenario");
        if (simulation != null && (scenario != null || requestsFile != null)) {
            throw new IllegalArgumentException("--simulation is the workload; drop --scenario and --requests");
        }
        Path journeyClasses = simulation == null ? null : java.nio.file.Files.createTempDirectory("loadlab-journey");
        loadlab.scenarios.run.JourneySource journey = simulation == null ? null
                : loadlab.scenarios.run.JourneySource.prepare(simulation, journeyClasses);
        String chosen = journey != null ? journey.scenario() : requestsFile != null ? "requests"
                : scenario != null ? scenario : target == null ? "timeline" : "http-get";
        loadlab.scenarios.engine.RequestSpec requests = requestSpec(chosen);
        Scenarios.check(chosen, params);
        loadlab.scenarios.Engine engineChoice = engine == null ? RunSpec.defaultEngine(chosen) : loadlab.scenarios.Engine.parse(engine);
        RunSpec.checkEngine(engineChoice, chosen);
        loadlab.scenarios.engine.IdleWait idleWait = loadlab.scenarios.engine.IdleWait.parse(idle);
        if (idleWait != loadlab.scenarios.engine.IdleWait.SLEEP && engineChoice != loadlab.scenarios.Engine.REQUESTS) {
            throw new IllegalArgumentException("--idle sets the request engine's event loops; Gatling has its own, so drop --idle");
        }
        if (connections < 1) throw new IllegalArgumentException("--connections must be at least 1, got " + connections);
        if (target != null && "timeline".equals(chosen) && !params.containsKey("users")) {
            spec.commandLine().getErr().println("loadlab: warning: the timeline scenario draws user ids 1 to 10000; if your service "
                    + "holds another number of users, pass --param users=N");
        }
        if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("--timeout must be positive");
        if (gate == null && gateOptions.anyGiven()) {
            throw new IllegalArgumentException("--baseline, --junit and --markdown go with --gate GATE.yaml");
        }
        loadlab.reports.gate.GateSpec gateSpec = gate == null ? null : GateStep.prepare(gate, gateOptions.baselines);

        ReferenceService reference = null;
        try {
            String url = target;
            if (url == null) {
                loadlab.service.ServiceConfig config = service.toConfig("127.0.0.1", 0, 10_000);
                reference = ServiceReport.start(console, config);
                ServiceReport.started(console, reference);
                url = reference.uri() + "/";
                long users = reference.seeded().users() > 0 ? reference.seeded().users() : reference.seeded().existingUsers();
                params.putIfAbsent("users", Long.toString(users > 0 ? users : 10_000));
            } else {
                checkReachable(url);
            }
            String scrape = metrics != null ? metrics : hasPrometheus(url) ? URI.create(url).resolve("/metrics").toString() : null;
            String runName = name != null ? name : journey != null ? simulation.getFileName().toString().replaceAll("\\.(java|jar)$", "") : chosen;
            Path dir = RunDirectory.create(out, runName, Instant.now());
            boolean terminal = System.console() != null;
            RunSpec run = new RunSpec(runName, chosen, url, profile, segment, timeout.toMillis(), params,
                    dir.toString(), scrape, terminal, reference == null ? Map.of() : ServiceReport.setup(reference),
                    engineChoice, connections, insecure, poissonSeed, requests, journey == null ? null : journey.classpathEntry(),
                    idleWait);
            console.printf(java.util.Locale.ROOT, "run %s on the %s engine: %s against %s -> %s%n", chosen, engineChoice.id(),
                    parsed.describe().text(), url, dir);
            if (insecure) console.println("TLS certificates are not verified (--insecure)");
            if (engineChoice == loadlab.scenarios.Engine.GATLING && parsed.model() == loadlab.recording.RunModel.OPEN) {
                console.println("the Gatling engine schedules users in whole milliseconds: start lag and response times carry that");
            }
            console.flush();
            LoadRun.Result result = LoadRun.run(run, out, console, terminal, interrupted -> ReportStep.build(console, interrupted));
            int exit = RunOutcome.report(console, result);
            if (gateSpec == null || result.run() == null) return exit;
            return Math.max(exit, GateStep.judge(console, gateSpec, dir, gateOptions));
        } finally {
            if (reference != null) reference.close();
            if (journeyClasses != null) deleteTree(journeyClasses);
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = java.nio.file.Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a leftover temporary directory harms nothing
        }
    }

    /** What the request engine sends; the file is read here once, so a wrong one is refused before any load. */
    private loadlab.scenarios.engine.RequestSpec requestSpec(String chosen) {
        boolean oneRequest = method != null || !headers.isEmpty() || body != null;
        if (oneRequest && !"http-get".equals(chosen)) {
            throw new IllegalArgumentException("--method, --header and --body describe the one request sent to --target; "
                    + "they do not go with the " + chosen + " scenario");
        }
        java.util.Map<String, String> parsed = new java.util.LinkedHashMap<>();
        for (String h : headers) {
            java.util.Map.Entry<String, String> e = loadlab.scenarios.engine.RequestSpec.header(h);
            parsed.put(e.getKey(), e.getValue());
        }
        String content = body;
        if (body != null && body.startsWith("@")) {
            try {
                content = java.nio.file.Files.readString(Path.of(body.substring(1)));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--body " + body + ": cannot read " + body.substring(1) + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String file = requestsFile == null ? null : requestsFile.toAbsolutePath().toString();
        loadlab.scenarios.engine.RequestSpec spec = new loadlab.scenarios.engine.RequestSpec(file, method, parsed, content);
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
        } catch (java.io.IOException e) {
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
}
