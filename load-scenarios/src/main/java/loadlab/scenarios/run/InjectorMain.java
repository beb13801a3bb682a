package loadlab.scenarios.run;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import loadlab.recording.IntervalLog;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.RunRecorder;
import loadlab.recording.RunSummarizer;
import loadlab.recording.Summary;
import loadlab.scenarios.RunContext;
import loadlab.scenarios.RunSpec;
import loadlab.scenarios.Scenarios;
import loadlab.scenarios.profile.LoadProfile;

/**
 * The injector: one JVM per run (Gatling shuts its logging down when a run ends). Writes the run
 * directory as the run goes (manifest, interval logs each second, server metrics) and the summary
 * at the end; a shutdown hook does the same when the run is interrupted, so Ctrl-C leaves a valid
 * run directory with everything recorded so far.
 */
public final class InjectorMain {
    private final RunSpec spec;
    private final Path dir;
    private final LoadProfile profile;
    private final RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
    private final long startMillis = System.currentTimeMillis();
    private final Instant started = Instant.now();
    private RunManifest manifest;
    private IntervalLog log;
    private MetricsScraper scraper;
    private Progress progress;
    private boolean finished;

    InjectorMain(RunSpec spec) {
        this.spec = spec;
        this.dir = Path.of(spec.runDir());
        LoadProfile whole = spec.profile().toProfile();
        this.profile = spec.segment() == null ? whole : Segment.parse(spec.segment()).of(whole);
    }

    public static void main(String[] args) throws Exception {
        GatlingOffline.apply();
        RunSpec spec = RunFiles.JSON.readValue(Path.of(args[0]).toFile(), RunSpec.class);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        InjectorMain injector = new InjectorMain(spec);
        int status = injector.run(out);
        System.exit(status);
    }

    int run(PrintStream out) throws Exception {
        Class<?> simulation = Scenarios.simulation(spec.scenario());
        long measureFrom = startMillis + profile.warmupSeconds() * 1000;
        manifest = new RunManifest(RunManifest.SCHEMA, spec.name(), spec.scenario(), spec.target(), profile.model(), profile.describe(),
                Map.copyOf(spec.params()), started.toString(), null, measureFrom, 0, profile.targetRate(), spec.segment(), false,
                Map.of("name", "loadlab", "version", "0.1.0", "git_commit", System.getProperty("loadlab.git", "unknown"),
                        "gatling", "3.15.1"), RunManifest.thisEnvironment());
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest);
        progress = new Progress(out, spec.terminal(), profile.warmupSeconds(), profile.warmupSeconds() + profile.measuredSeconds(),
                profile instanceof loadlab.scenarios.profile.OpenProfile open ? open.perSecond() : null, startMillis);
        log = new IntervalLog(recorder, dir, startMillis, progress::tick);
        if (spec.metricsUrl() != null) scraper = new MetricsScraper(URI.create(spec.metricsUrl()), dir);
        Thread hook = new Thread(() -> finish(true), "loadlab-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);

        RunContext.install(new RunContext(spec, profile, recorder));
        Path gatlingResults = Files.createTempDirectory("loadlab-gatling");
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation.getName(), "--results-folder", gatlingResults.toString(), "--no-reports"});
        finish(false);
        Runtime.getRuntime().removeShutdownHook(hook);
        deleteQuietly(gatlingResults);
        return status == 0 ? 0 : 3;
    }

    /** Closes the logs and writes the final manifest and the summary; once, whether finished or interrupted. */
    synchronized void finish(boolean interrupted) {
        if (finished || log == null) return;
        finished = true;
        log.close();
        if (scraper != null) scraper.close();
        progress.done();
        Instant ended = Instant.now();
        long countedFrom = recorder.countFromMillis();
        if (countedFrom != Long.MAX_VALUE) manifest = manifest.measuredFrom(countedFrom);
        double measured = Math.max(0, (ended.toEpochMilli() - manifest.measureFromMillis()) / 1000.0);
        if (!interrupted) measured = Math.min(measured, profile.measuredSeconds());
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest.ended(ended.toString(), Math.round(measured * 1000) / 1000.0, interrupted));
        Summary summary = RunSummarizer.summarize(dir);
        RunFiles.write(dir.resolve(RunFiles.SUMMARY), summary);
    }

    private static void deleteQuietly(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a leftover empty temp folder harms nothing
        }
    }
}
