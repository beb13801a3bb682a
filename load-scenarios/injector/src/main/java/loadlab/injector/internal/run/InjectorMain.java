package loadlab.injector.internal.run;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import loadlab.injector.internal.live.LiveSink;
import loadlab.injector.internal.live.OtlpLive;
import loadlab.injector.internal.live.PrometheusLive;
import loadlab.injector.internal.live.ScheduledRate;
import loadlab.recording.IntervalLog;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.RunRecorder;
import loadlab.recording.WriteLog;
import loadlab.recording.Segment;
import loadlab.recording.Tool;
import loadlab.injector.internal.run.Engine;
import loadlab.scenarios.RunContext;
import loadlab.injector.internal.run.RunSpec;
import loadlab.scenarios.Scenarios;
import loadlab.scenarios.profile.LoadProfile;
import loadlab.injector.internal.engine.EngineOptions;
import loadlab.injector.internal.engine.IdleWait;
import loadlab.injector.internal.run.FaultRunner;
import loadlab.injector.internal.engine.RequestEngine;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.injector.internal.gatling.GatlingRunContext;

/**
 * The injector: one JVM per run (Gatling shuts its logging down when a run ends). Writes the run
 * directory as the run goes (manifest, interval logs each second, server metrics) and the summary
 * at the end. It never outlives the process that started it: that process holds the other end of
 * its standard input, so when it dies (even by SIGKILL) the injector reads end-of-file and stops.
 * Whatever stops it early (Ctrl-C, a vanished parent, a full disk, a crash), a shutdown hook
 * finishes the run directory as an interrupted run with everything recorded so far.
 */
public final class InjectorMain {
    /** Exit codes the launching process turns into its own. */
    public static final int OK = 0;
    public static final int WRITE_FAILED = 2;
    public static final int CRASHED = 3;
    public static final int PARENT_GONE = 4;
    /** Stopped by {@code --abort-on}: a check broke; the run directory is whole, as an interrupted run. */
    public static final int ABORTED = 5;
    /** The Gatling engine as run.json names it, with the version of the Gatling on the classpath (the build's), never a literal. */
    public static final String GATLING = "gatling " + io.gatling.commons.util.GatlingVersion$.MODULE$.ThisVersion().fullVersion();

    private final RunSpec spec;
    private final Path dir;
    private final LoadProfile profile;
    private final RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
    private final long startMillis = System.currentTimeMillis();
    private final Instant started = Instant.now();
    private RunManifest manifest;
    private FaultRunner faults;
    private IntervalLog log;
    private MetricsScraper scraper;
    private final List<LiveSink> live = new ArrayList<>();
    private Progress progress;
    private boolean finished;
    private volatile String failure;
    private volatile RunManifest.Connections connections;

    InjectorMain(RunSpec spec) {
        this.spec = spec;
        this.dir = Path.of(spec.runDir());
        LoadProfile whole = spec.profile().toProfile();
        this.profile = spec.segment() == null ? whole : share(whole, Segment.parse(spec.segment()));
    }

    private static LoadProfile share(LoadProfile whole, Segment s) {
        return whole.share(s.k(), s.n());
    }

    public static void main(String[] args) throws Exception {
        GatlingOffline.apply();
        Path specFile = Path.of(args[0]);
        RunSpec spec = RunFiles.JSON.readValue(specFile.toFile(), RunSpec.class);
        Files.deleteIfExists(specFile);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        InjectorMain injector = new InjectorMain(spec);
        injector.watchParent(System.in);
        System.exit(injector.run(out));
    }

    /** Stops the run when the parent's end of standard input closes: the parent has gone. */
    void watchParent(InputStream in) {
        Thread t = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the parent writes nothing; end-of-file is the signal
                }
            } catch (IOException ignored) {
                // a broken pipe means the same
            }
            stop(PARENT_GONE, "the loadlab process that started this injector exited, so the injector stopped too");
        }, "loadlab-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Ends the process at once; the shutdown hook finishes the run directory as interrupted, saying why. */
    private void stop(int status, String why) {
        if (failure == null) failure = why;
        System.err.println("loadlab: " + why);
        // from a thread of its own: the caller may hold the interval log's lock, which the shutdown hook needs
        new Thread(() -> System.exit(status), "loadlab-stop").start();
    }

    int run(PrintStream out) throws Exception {
        boolean requests = spec.engine() == Engine.REQUESTS;
        long measureFrom = startMillis + profile.warmupSeconds() * 1000;
        String engineName = requests ? RequestEngine.NAME + " (" + RequestEngine.transport()
                + (spec.idle() == IdleWait.SLEEP ? "" : ", idle " + spec.idle().id()) + ")" : GATLING;
        manifest = RunManifest.load(spec.name(), spec.scenario(), spec.target(), profile.describe(), spec.params(), started, measureFrom,
                profile.targetRate(), spec.segment() == null ? null : Segment.parse(spec.segment()), Tool.current(engineName))
                .against(spec.service());
        if (spec.startAtMillis() != null) manifest = manifest.startingAt(Instant.ofEpochMilli(spec.startAtMillis()));
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest);
        ScheduledRate schedule = profile instanceof OpenProfile open ? new ScheduledRate(open.perSecond(), startMillis) : null;
        progress = new Progress(out, spec.terminal(), profile.warmupSeconds(), profile.warmupSeconds() + profile.measuredSeconds(),
                schedule, startMillis);
        AbortWatch abort = spec.abort() == null ? null : new AbortWatch(spec.abort(), recorder::countFromMillis, why -> stop(ABORTED, why));
        recorder.recordWritesTo(new WriteLog(dir));
        if (spec.live() != null) {
            Map<String, String> labels = Map.of("loadlab.run", spec.name(), "loadlab.scenario", spec.scenario(), "loadlab.target", spec.target(),
                    "loadlab.segment", spec.segment() == null ? "1/1" : spec.segment());
            if (spec.live().otlp() != null) live.add(new OtlpLive(spec.live(), labels, schedule));
            if (spec.live().prometheus()) {
                try {
                    live.add(new PrometheusLive(spec.live(), labels, schedule));
                } catch (UncheckedIOException e) { // the port was free when loadlab checked it, and taken since
                    System.err.println("loadlab: " + e.getMessage() + "; pick a free port");
                    return CRASHED;
                }
                out.println("live: serving Prometheus metrics at " + spec.live().prometheusUrl());
            }
        }
        log = new IntervalLog(recorder, dir, startMillis, tick -> {
            progress.tick(tick);
            if (abort != null) abort.tick(tick);
            for (LiveSink sink : live) sink.accept(tick);
        }, why -> stop(WRITE_FAILED, why)).startTicking();
        if (spec.metricsUrl() != null) scraper = new MetricsScraper(URI.create(spec.metricsUrl()), dir);
        if (!spec.faults().isEmpty()) faults = new FaultRunner(spec.faults(), spec.clearFaults(), dir);
        recorder.whenCounting(zero -> {
            log.alignTo(zero);
            if (faults != null) faults.start(zero);
        });
        Thread hook = new Thread(() -> finish(true), "loadlab-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        awaitStart(out);

        if (requests) {
            int status = runRequests(out);
            Runtime.getRuntime().removeShutdownHook(hook);
            return status;
        }
        Class<?> simulation = Scenarios.simulation(spec.scenario());
        RunContext.install(new GatlingRunContext(spec, profile, recorder));
        Path gatlingResults = Files.createTempDirectory("loadlab-gatling");
        int status;
        try {
            status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                    "--simulation", simulation.getName(), "--results-folder", gatlingResults.toString(), "--no-reports"});
            if (status != 0) failure = "the injector failed: Gatling ended with status " + status + " (its messages are above)";
        } catch (RuntimeException | Error e) {
            failure = "the injector crashed: " + e;
            status = CRASHED;
        }
        finish(failure != null);
        Runtime.getRuntime().removeShutdownHook(hook);
        deleteQuietly(gatlingResults);
        return failure == null ? OK : CRASHED;
    }

    /** The run on loadlab's own request engine; says how long arrivals waited for a connection. */
    private int runRequests(PrintStream out) {
        EngineOptions options = new EngineOptions(spec.connections(), Duration.ofMillis(spec.requestTimeoutMs()), spec.insecure(),
                EngineOptions.defaultEventLoops(), spec.poissonSeed(), spec.idle());
        try (RequestEngine engine = new RequestEngine(options)) {
            URI target = URI.create(spec.target());
            RequestEngine.Report report = engine.run(target, spec.requests().toMix(target), profile, recorder,
                    "loadlab/" + Tool.buildVersion(), profileStartNanos());
            connections = new RunManifest.Connections(report.connectionsOpened(), options.connections());
            out.printf(Locale.ROOT, "engine: %s over %s, %d connections opened (limit %d)%n", RequestEngine.NAME, report.transport(),
                    report.connectionsOpened(), options.connections());
            if (report.lastFailure() != null && target.getScheme().equalsIgnoreCase("https") && !spec.insecure()
                    && report.lastFailure().toLowerCase(Locale.ROOT).contains("certif")) {
                out.println("loadlab: the target's TLS certificate was not trusted (" + report.lastFailure()
                        + "); if it is self-signed and you trust it, add --insecure");
            }
        } catch (RuntimeException | Error e) {
            failure = "the injector crashed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "the injector was interrupted";
        }
        finish(failure != null);
        return failure == null ? OK : CRASHED;
    }

    /**
     * With {@code --start-at}, sleeps until a few seconds before the profile is to begin: enough
     * for the engine to start and open its connections, and not so long that they sit idle and a
     * server closes them. The engine then waits for the instant itself.
     */
    private void awaitStart(PrintStream out) throws InterruptedException {
        Long start = profileStartNanos();
        if (start == null) return;
        out.printf(Locale.ROOT, "waiting for --start-at %s: the warm-up (%d s) begins %s%n", Instant.ofEpochMilli(spec.startAtMillis()),
                profile.warmupSeconds(), Instant.ofEpochMilli(spec.profileStartMillis(profile.warmupSeconds())));
        out.flush();
        long sleep = start - ENGINE_LEAD_NANOS - System.nanoTime();
        if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
    }

    /** How long before the profile's start the engine is started: Gatling takes a second or two to boot. */
    private static final long ENGINE_LEAD_NANOS = 5_000_000_000L;

    /** When the profile (its warm-up first) is to begin so that measuring begins at {@code --start-at}; null without one. */
    private Long profileStartNanos() {
        Long start = spec.profileStartMillis(profile.warmupSeconds());
        return start == null ? null : System.nanoTime() + (start - System.currentTimeMillis()) * 1_000_000;
    }

    /** Closes the logs and writes the final manifest and the summary; once, whether finished or interrupted. */
    synchronized void finish(boolean interrupted) {
        if (finished || log == null) return;
        finished = true;
        if (faults != null) faults.close(); // no fault outlives the run, finished or interrupted
        log.close();
        if (scraper != null) scraper.close();
        for (LiveSink sink : live) System.out.println(sink.finish(!interrupted));
        progress.done();
        Instant ended = Instant.now();
        long countedFrom = recorder.countFromMillis();
        if (countedFrom != Long.MAX_VALUE) manifest = manifest.measuredFrom(countedFrom);
        if (connections != null) manifest = manifest.withConnections(connections.opened(), connections.limit());
        double measured = countedFrom == Long.MAX_VALUE ? 0 : Math.max(0, (ended.toEpochMilli() - manifest.measureFromMillis()) / 1000.0);
        if (!interrupted) measured = Math.min(measured, profile.measuredSeconds());
        try {
            RunFiles.write(dir.resolve(RunManifest.FILE), manifest.ended(ended.toString(), Math.round(measured * 1000) / 1000.0,
                    interrupted, failure));
            RunDirectory.open(dir).writeSummary();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            System.err.println("loadlab: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover empty temp folder harms nothing
        }
    }
}
