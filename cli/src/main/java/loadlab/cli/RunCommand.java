package loadlab.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunModel;
import loadlab.reports.gate.GateSpec;
import loadlab.injector.internal.run.Engine;
import loadlab.scenarios.faults.AdminFaults;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.injector.internal.run.RunSpec;
import loadlab.scenarios.profile.LoadProfile;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.scenarios.profile.StartAt;
import loadlab.injector.internal.run.AbortPlan;
import loadlab.injector.internal.live.LiveSpec;
import loadlab.injector.internal.run.DurabilityCheck;
import loadlab.injector.internal.run.LoadRun;
import loadlab.recording.Segment;

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

    @Option(names = "--segment", paramLabel = "K/N", description = "Run injector K's share of the profile; N injectors together make the whole.")
    String segment;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Start measuring at this instant (ISO-8601 with its zone, e.g. 2026-12-01T14:30:00Z), the warm-up ending then, "
                    + "so --segment K/N injectors on several machines share one time zero.")
    String startAt;

    @Option(names = "--out", defaultValue = "runs", description = "Directory of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", description = "Name of the run directory (default: the scenario).")
    String name;

    @Option(names = "--gate", paramLabel = "GATE.yaml", description = "Judge the run against this gate spec as it finishes; the exit code is the gate's.")
    Path gate;

    @Mixin
    GateOptions gateOptions;

    @Option(names = "--abort-on", paramLabel = "GATE.yaml",
            description = "Stop the run early when one of this gate spec's absolute checks (times, error-rate, throughput) breaks over the "
                    + "last --abort-window of the measured run; the run ends interrupted, naming the check, and exits 1.")
    Path abortOn;

    @Option(names = "--abort-window", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "The sliding window --abort-on judges every second, after the warm-up (default: ${DEFAULT-VALUE}).")
    Duration abortWindow;

    @Option(names = "--faults", paramLabel = "FAULTS.yaml",
            description = "Inject faults on the measured timeline: blocks and stalls of the reference service, or exec and http actions "
                    + "against any target (see the README).")
    Path faultsFile;

    @Option(names = "--admin", paramLabel = "URL",
            description = "The reference service's address for block and stall faults when it runs apart (loadlab serve) and --target "
                    + "points at it.")
    String admin;

    @Option(names = "--verify", paramLabel = "URL|none",
            description = "After the load, ask this endpoint whether every acknowledged write is durable and visible everywhere "
                    + "(default: the reference service's /admin/verify when loadlab started it or --admin names it); none to skip.")
    String verify;

    @Option(names = "--live", paramLabel = "otlp=URL|prometheus=[HOST]:PORT",
            description = "Results while the run runs: each request name's histogram (never a percentile), failures by cause, start lag, "
                    + "blocked time, arrivals and the target rate. otlp=http://127.0.0.1:4318/v1/metrics pushes OpenTelemetry base-2 "
                    + "exponential histograms (delta) over OTLP/HTTP; prometheus=:9464 serves /metrics for scraping. Both may be given. "
                    + "A collector or scraper that is slow or gone never slows the run.")
    List<String> live;

    @Option(names = "--live-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often --live pushes, in whole seconds (default: 5s); with prometheus=, the longest wait after the run "
                    + "for a last scrape.")
    Duration liveInterval;

    @Option(names = "--verify-wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to keep asking while the target's derived data converge (default: 60s).")
    Duration verifyWait;

    @Mixin
    WorkloadOptions workload;

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
        Instant startInstant = startAt == null ? null
                : StartAt.parse(startAt, parsed.warmupSeconds(), Instant.now());
        if (gate == null && gateOptions.anyGiven()) {
            throw new IllegalArgumentException("--baseline, --junit and --markdown go with --gate GATE.yaml");
        }
        AbortPlan abort = abortOn == null ? null : AbortOn.plan(abortOn, abortWindow);
        boolean profileFaults = profileFile != null && FaultSchedule.inProfile(Path.of(profileFile));
        if (profileFaults && faultsFile != null) {
            throw new IllegalArgumentException("the profile " + profileFile + " has faults: and --faults gives more; keep one of them");
        }
        if (admin != null && faultsFile == null && !profileFaults) {
            throw new IllegalArgumentException("--admin goes with --faults FAULTS.yaml (or a profile with faults:)");
        }
        URI verifyUrl = verify == null || verify.equals("none") ? null : httpUri("--verify", verify, "a verification endpoint's http:// URL, "
                + "e.g. http://127.0.0.1:8080/admin/verify?posts=all, or none");
        if (verifyWait != null && (verifyWait.isNegative() || verifyWait.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("--verify-wait " + verifyWait.toSeconds() + "s must be between 0s and 1h");
        }
        if (verifyWait != null && "none".equals(verify)) throw new IllegalArgumentException("--verify-wait goes with verification; drop --verify none");
        if (liveInterval != null && live == null) throw new IllegalArgumentException("--live-interval goes with --live; add it or drop the interval");
        LiveSpec liveSpec = live == null ? null : LiveSpec.parse(live, liveInterval);
        if (liveSpec != null) liveSpec.checkPrometheusPort();
        if (faultsFile != null || profileFaults) { // checked in full before any load; the service's address is filled in once it runs
            URI probe = admin != null ? adminUri(admin) : workload.target == null ? ReferenceAdminFaults.NOT_YET_STARTED : null;
            faults(probe == null ? null : new ReferenceAdminFaults(probe), parsed.measuredSeconds());
        }
        try (WorkloadOptions.Workload w = workload.prepare(spec.commandLine().getErr())) {
            GateSpec gateSpec = gate == null ? null : GateStep.prepare(gate, gateOptions);
            try (WorkloadOptions.Target t = workload.open(console, service)) {
                String runName = name != null ? name : w.defaultName(workload.simulation);
                Path dir = RunDirectory.create(out, runName, Instant.now());
                boolean terminal = System.console() != null;
                URI adminBase = admin != null ? adminUri(admin) : t.reference() != null ? URI.create(t.reference().uri() + "/") : null;
                AdminFaults adminFaults = adminBase == null ? null : new ReferenceAdminFaults(adminBase);
                FaultSchedule faults = faults(adminFaults, parsed.measuredSeconds());
                RunSpec run = workload.spec(w, t, runName, profile, segment, dir, terminal, faults,
                        faults == null || adminFaults == null ? null : adminFaults.clearAll(), startInstant, abort).toBuilder().live(liveSpec).build();
                console.printf(Locale.ROOT, "run %s on the %s engine: %s against %s -> %s%n", w.scenario(), w.engine().id(),
                        parsed.describe().text(), t.url(), dir);
                if (workload.insecure) console.println("TLS certificates are not verified (--insecure)");
                if (w.engine() == Engine.GATLING && parsed.model() == RunModel.OPEN) {
                    console.println("the Gatling engine schedules users in whole milliseconds: start lag and response times carry that");
                }
                console.flush();
                DurabilityCheck check = durabilityCheck(verifyUrl, adminBase, URI.create(t.url()));
                LoadRun.Result result = LoadRun.run(run, out, console, terminal, interrupted -> ReportStep.build(console, interrupted));
                if (check != null) result = check.after(result, console);
                int exit = RunOutcome.report(console, result, gateSpec != null);
                if (gateSpec == null || result.run() == null) return exit;
                return Math.max(exit, GateStep.judge(console, gateSpec, dir, gateOptions));
            }
        }
    }

    /** The faults of --faults or of the profile's faults: section; null when there are none. */
    private FaultSchedule faults(AdminFaults adminFaults, long measuredSeconds) {
        if (faultsFile != null) return FaultSchedule.read(faultsFile, adminFaults, measuredSeconds);
        return profileFile == null ? null : FaultSchedule.readProfile(Path.of(profileFile), adminFaults, measuredSeconds);
    }

    /**
     * The check asked for, unless --verify none: the writes the run records read back from the
     * target, and the service's view from --verify's endpoint, else the reference service's own when
     * there is one.
     */
    private DurabilityCheck durabilityCheck(URI verifyUrl, URI referenceService, URI target) {
        if ("none".equals(verify)) return null;
        Duration wait = verifyWait == null ? DurabilityCheck.DEFAULT_WAIT : verifyWait;
        URI service = verifyUrl != null ? verifyUrl : referenceService == null ? null : DurabilityCheck.referenceService(referenceService);
        return new DurabilityCheck(service, target, wait);
    }

    private static URI adminUri(String text) {
        return httpUri("--admin", text, "the reference service's http:// URL, e.g. http://127.0.0.1:8080/");
    }

    static URI httpUri(String flag, String text, String what) {
        try {
            URI u = URI.create(text);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return u;
        } catch (IllegalArgumentException ignored) {
            // the sentence below
        }
        throw new IllegalArgumentException(flag + " '" + text + "' must be " + what);
    }
}
