package loadlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import picocli.CommandLine.Option;

import loadlab.cli.demo.EndpointTour;
import loadlab.recording.Micros;
import loadlab.recording.RunDirectory;
import loadlab.reports.text.SummaryTable;
import loadlab.injector.internal.run.RunSpec;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.DurabilityCheck;
import loadlab.injector.internal.run.LoadRun;
import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;

/** {@code loadlab demo}: the main job on embedded defaults, needing nothing installed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the reference service on embedded backends with seeded data, call every endpoint once, "
                + "run the timeline scenario as a short staircase, print the summary, verify that nothing acknowledged "
                + "was lost, and stop.",
        footer = {"", "Examples:", "  loadlab demo", "  loadlab demo --strategy write --users 20000"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Option(names = "--stairs", defaultValue = "100/s+100/s*3", description = "Staircase of the demo's load run (default: ${DEFAULT-VALUE}).")
    String stairs;

    @Option(names = "--hold", defaultValue = "5s", description = "Time per staircase level (default: ${DEFAULT-VALUE}).")
    String hold;

    @Option(names = "--faults", description = "Run the shipped fault experiment (examples/faults.yaml) instead of the staircase: "
            + "the timeline scenario at 100/s for 65 s with the cache, the stream and the store faulted and the process stalled in turn.")
    boolean faults;

    @Option(names = "--out", defaultValue = "runs", description = "Directory of run directories (default: ${DEFAULT-VALUE}).")
    Path runs;

    /** The shipped experiment, packaged from examples/faults.yaml. */
    static final String EXPERIMENT = "examples/faults.yaml";

    private static String experiment() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("examples/faults.yaml")) {
            if (in == null) throw new IllegalStateException(EXPERIMENT + " is missing from loadlab's jar; rebuild it (mvn -q install -DskipTests)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServiceConfig config = service.toConfig("127.0.0.1", 0, 2_000);
        try (ReferenceService running = ServiceBanner.start(out, config)) {
            ServiceBanner.started(out, running);
            out.println();
            EndpointTour.Result result = new EndpointTour(running.uri()).run(running::awaitConverged);
            out.printf(Locale.ROOT, "%-6s %-7s %-42s %10s  %s%n", "status", "method", "path", "time", "response");
            for (EndpointTour.Step s : result.steps()) {
                out.printf(Locale.ROOT, "%-6s %-7s %-42s %10s  %s%n", s.status() + (s.ok() ? "" : "!"), s.method(), s.path(),
                        Micros.text(s.micros()), s.note());
            }
            out.println();
            for (String failure : result.failures()) out.println("FAILED: " + failure);
            if (!result.ok()) {
                out.println("demo found problems (see above)");
                return Loadlab.CHECK_FAILED;
            }
            out.println(faults ? "every endpoint answered as expected; now the fault experiment (" + EXPERIMENT + "), 65 s at 100/s:"
                    : "every endpoint answered as expected; now a short staircase of the timeline scenario:");
            out.flush();
            Path dir = RunDirectory.create(runs, faults ? "demo-faults" : "demo-timeline", Instant.now());
            ProfileSpec profile = faults ? new ProfileSpec("100/s", null, null, null, null, "65s", "3s", null)
                    : new ProfileSpec(null, null, stairs, hold, null, null, "3s", null);
            ReferenceAdminFaults admin = new ReferenceAdminFaults(URI.create(running.uri() + "/"));
            FaultSchedule schedule = faults ? FaultSchedule.fromText(experiment(), EXPERIMENT, admin, profile.toProfile().measuredSeconds()) : null;
            RunSpec spec = RunSpec.builder("timeline", running.uri() + "/", profile).name(faults ? "demo-faults" : "demo-timeline")
                    .params(Map.of("users", Long.toString(running.seeded().users()))).runDir(dir.toString())
                    .metricsUrl(running.uri() + "/metrics").service(ServiceBanner.setup(running)).faults(schedule)
                    .clearFaults(faults ? admin.clearAll() : null).build();
            LoadRun.Result run = LoadRun.run(spec, runs, out, false);
            run = new DurabilityCheck(DurabilityCheck.referenceService(running.uri()), running.uri(), DurabilityCheck.DEFAULT_WAIT)
                    .after(run, out);
            int exit = RunOutcome.report(out, run, false);
            out.println("reference service stopped");
            return exit;
        }
    }
}
