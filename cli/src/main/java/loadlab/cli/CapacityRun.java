package loadlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import loadlab.recording.Micros;
import loadlab.reports.format.Figures;
import loadlab.recording.RunDirectory;
import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.capacity.CapacitySearch;
import loadlab.reports.capacity.CapacityStep;
import loadlab.reports.capacity.Slo;
import loadlab.reports.capacity.StepJudge;
import loadlab.reports.capacity.StepVerdict;
import loadlab.reports.html.CapacityPage;
import loadlab.injector.internal.run.RunSpec;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.scenarios.profile.Rate;
import loadlab.injector.internal.run.InjectorMain;
import loadlab.injector.internal.run.LoadRun;
import loadlab.recording.Percent;

/**
 * One capacity search or sweep: runs each step as a complete run directory under
 * {@code steps/}, judges it ({@link StepJudge}), lets {@link CapacitySearch} choose the next, and
 * writes {@code capacity.json}, also when interrupted, with the steps so far.
 */
final class CapacityRun {
    private final PrintWriter console;
    private final PrintWriter err;
    private final WorkloadOptions workload;
    private final ServiceOptions service;
    private final List<Slo> slos;
    private final CapacityPlan plan;
    private final String hold;
    private final String settle;
    private final long targetWarmupSeconds;
    private final Path out;
    private final String name;
    private final List<CapacityStep> steps = new ArrayList<>();
    private Path root;
    private String target;
    private String scenario;
    private Instant started;
    /** --start-at: when the first run (the target's warm-up, or the first step) starts measuring; null once used, or without one. */
    private Instant startAt;

    CapacityRun(PrintWriter console, PrintWriter err, WorkloadOptions workload, ServiceOptions service, List<Slo> slos, CapacityPlan plan,
                String hold, String settle, long targetWarmupSeconds, Path out, String name, Instant startAt) {
        this.startAt = startAt;
        this.console = console;
        this.err = err;
        this.workload = workload;
        this.service = service;
        this.slos = slos;
        this.plan = plan;
        this.hold = hold;
        this.settle = settle;
        this.targetWarmupSeconds = targetWarmupSeconds;
        this.out = out;
        this.name = name;
    }

    int call() throws Exception {
        try (WorkloadOptions.Workload w = workload.prepare(err); WorkloadOptions.Target t = workload.open(console, service)) {
            String label = name != null ? name : "capacity-" + w.defaultName(workload.simulation);
            started = Instant.now();
            root = RunDirectory.create(out, label, started);
            Files.createDirectories(root.resolve(CapacityResult.STEPS));
            target = t.url();
            scenario = w.scenario();
            console.printf(Locale.ROOT, "capacity %s of %s on the %s engine against %s%n  SLO: %s; each step %s after %s at its load -> %s%n",
                    plan.isSweep() ? "sweep" : "search", scenario, w.engine().id(), target, sloText(), hold, settle, root);
            console.flush();
            Thread hook = new Thread(() -> write(null, "interrupted", "interrupted after " + steps.size() + " steps"), "loadlab-capacity-interrupted");
            Runtime.getRuntime().addShutdownHook(hook);
            int exit;
            try {
                exit = !warmTarget(w, t) ? crashed(null, null) : plan.isSweep() ? sweep(w, t) : search(w, t);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook writes capacity.json
                }
            }
            RunDirectory.markLatest(out, root);
            console.printf(Locale.ROOT, "capacity.json: %s (%d steps in %s)%n", root.resolve(CapacityResult.FILE), steps.size(),
                    Micros.text(Duration.between(started, Instant.now()).toNanos() / 1000));
            try {
                console.println("report: " + CapacityPage.write(root));
            } catch (RuntimeException e) {
                console.println("loadlab: the capacity report could not be built: " + e.getMessage());
            }
            return exit;
        }
    }

    private int search(WorkloadOptions.Workload w, WorkloadOptions.Target t) throws Exception {
        CapacitySearch search = new CapacitySearch(plan.start(), plan.max(), plan.resolution());
        for (OptionalDouble next = search.next(); next.isPresent(); next = search.next()) {
            double rate = next.getAsDouble();
            CapacityStep step = step(w, t, rate, null);
            if (step == null) return crashed(search.sustainable(), search.lowestFailing());
            search.record(rate, step.verdict(), step.reason());
        }
        Double low = search.sustainable();
        String conclusion = search.conclusion();
        write(new CapacityResult.Bracket(low, search.lowestFailing()), search.outcome().name().toLowerCase(Locale.ROOT), conclusion);
        console.println();
        console.println(low == null ? "capacity: no sustainable rate; " + conclusion
                : "capacity: " + String.format(Locale.ROOT, "%,.0f/s", low) + " sustainable under " + sloText() + "; " + conclusion);
        printUsl();
        boolean describesTarget = search.outcome() == CapacitySearch.Outcome.BRACKETED || search.outcome() == CapacitySearch.Outcome.AT_MAX;
        if (!describesTarget) console.println("!!! the search did not find the target's capacity (see above)");
        return describesTarget ? Loadlab.OK : Loadlab.CHECK_FAILED;
    }

    private int sweep(WorkloadOptions.Workload w, WorkloadOptions.Target t) throws Exception {
        String stopped = null;
        for (int users : plan.levels()) {
            CapacityStep step = step(w, t, null, users);
            if (step == null) return crashed(null, null);
            if (step.verdict() == StepVerdict.INVALID) {
                stopped = "stopped at concurrency " + users + ": " + step.reason();
                break;
            }
        }
        Double best = bestPassing(CapacityStep::throughputPerS);
        String conclusion = stopped != null ? stopped : best == null ? "no level met the SLOs"
                : String.format(Locale.ROOT, "the highest throughput of a level that met the SLOs: %,.1f/s", best);
        write(null, "swept", conclusion);
        console.println();
        console.println("capacity sweep: " + conclusion);
        printUsl();
        return stopped == null && best != null ? Loadlab.OK : Loadlab.CHECK_FAILED;
    }

    /**
     * Loads the target at the first step's level, not judged, so the first steps meet it warm. Its
     * run directory is {@code warmup/}. False when its injector crashed.
     */
    private boolean warmTarget(WorkloadOptions.Workload w, WorkloadOptions.Target t) throws Exception {
        if (targetWarmupSeconds == 0) return true;
        Path dir = Files.createDirectory(root.resolve("warmup"));
        String duration = targetWarmupSeconds + "s";
        ProfileSpec profile = plan.isSweep() ? new ProfileSpec(null, null, null, null, plan.levels().get(0), duration, "0s", null)
                : new ProfileSpec(new Rate(plan.start()).toString(), null, null, null, null, duration, "0s", null);
        console.printf(Locale.ROOT, "warming the target up: %s for %s, not judged -> %s%n",
                plan.isSweep() ? "concurrency " + plan.levels().get(0) : String.format(Locale.ROOT, "%,.1f/s", plan.start()), duration, dir);
        console.flush();
        LoadRun.Result result = LoadRun.run(spec(w, t, "warmup", profile, dir), root.resolve(CapacityResult.STEPS),
                console, false);
        if (result.run() == null) {
            console.println("loadlab: the injector of the warm-up exited with " + result.exitCode() + " and " + result.unreadable());
            return false;
        }
        return true;
    }

    /** One run of the search; the first starts measuring at --start-at, the others as soon as they can. */
    private RunSpec spec(WorkloadOptions.Workload w, WorkloadOptions.Target t, String runName, ProfileSpec profile, Path dir) {
        Instant first = startAt;
        startAt = null;
        return workload.spec(w, t, runName, profile, null, dir, false, null, null, first, null);
    }

    /** Runs and judges one step; null when its injector crashed and left nothing to judge. */
    private CapacityStep step(WorkloadOptions.Workload w, WorkloadOptions.Target t, Double rate, Integer users) throws Exception {
        int index = steps.size() + 1;
        String dirName = CapacityResult.stepDir(index, rate, users);
        Path dir = Files.createDirectory(root.resolve(CapacityResult.STEPS).resolve(dirName));
        ProfileSpec profile = users != null ? new ProfileSpec(null, null, null, null, users, hold, settle, null)
                : new ProfileSpec(new Rate(rate).toString(), null, null, null, null, hold, settle, null);
        String load = users != null ? "concurrency " + users : String.format(Locale.ROOT, "%,.1f/s", rate);
        console.printf(Locale.ROOT, "step %d: %s%n", index, load);
        console.flush();
        LoadRun.Result result = LoadRun.run(spec(w, t, dirName, profile, dir), root.resolve(CapacityResult.STEPS),
                console, false);
        if (result.run() == null) {
            console.println("loadlab: the injector of step " + index + " exited with " + result.exitCode() + " and " + result.unreadable());
            return null;
        }
        ReportStep.build(console, result.run());
        CapacityStep step = StepJudge.judge(result.run(), index, rate, users, slos, CapacityResult.STEPS + "/" + dirName);
        if (result.exitCode() != InjectorMain.OK && step.verdict() != StepVerdict.INVALID) {
            step = step.invalid("the injector exited with " + result.exitCode());
        }
        steps.add(step);
        console.printf(Locale.ROOT, "step %d: %s %s: p50 %s, p99 %s, %,.1f/s done, errors %s, in flight %.1f; %s%n", index, load,
                step.verdict().id().toUpperCase(Locale.ROOT), step.timed() ? Micros.text(step.p50Us()) : Figures.NONE, step.timed() ? Micros.text(step.p99Us()) : Figures.NONE, step.throughputPerS(),
                Percent.text(step.errorRate()), step.concurrency(), step.reason());
        console.flush();
        return step;
    }

    private int crashed(Double low, Double high) {
        write(new CapacityResult.Bracket(low, high), "crashed", "an injector crashed; see its step directory");
        console.println("!!! the search stopped: an injector crashed");
        return Loadlab.INTERNAL;
    }

    private void printUsl() {
        CapacityResult.Fit fit = CapacityResult.fit(steps);
        console.println(fit.figures() != null ? fit.figures().describe() : "USL " + fit.note());
    }

    private synchronized void write(CapacityResult.Bracket bracket, String outcome, String conclusion) {
        if (root == null) return;
        CapacityResult.Fit fit = CapacityResult.fit(steps);
        Double sustainable = plan.isSweep() ? bestPassing(CapacityStep::throughputPerS)
                : bracket == null ? bestPassing(CapacityStep::offeredPerS) : bracket.lowPerS();
        Instant ended = Instant.now();
        try {
            new CapacityResult(CapacityResult.SCHEMA, plan.isSweep() ? "sweep" : "search", target, scenario,
                    slos.stream().map(Slo::text).toList(), plan.isSweep() ? null : plan.resolution(), sustainable, bracket, outcome, conclusion,
                    List.copyOf(steps), fit.figures(), fit.note(), started.toString(), ended.toString(),
                    Duration.between(started, ended).toMillis() / 1000.0).write(root);
        } catch (UncheckedIOException e) {
            err.println("loadlab: " + e.getMessage());
        }
    }

    /** The highest of a figure over the steps that passed, or null when none did. */
    private Double bestPassing(Function<CapacityStep, Double> figure) {
        return steps.stream().filter(s -> s.verdict() == StepVerdict.PASS).map(figure).max(Double::compare).orElse(null);
    }

    private String sloText() {
        return slos.stream().map(Slo::text).collect(Collectors.joining(", "));
    }
}
