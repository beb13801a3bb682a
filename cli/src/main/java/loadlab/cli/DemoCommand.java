package loadlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.cli.demo.EndpointTour;
import loadlab.service.ReferenceService;

/** {@code loadlab demo}: the main job on embedded defaults, needing nothing installed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the reference service on embedded backends with seeded data, call every endpoint once, "
                + "verify that nothing acknowledged was lost, print what happened and stop.",
        footer = {"", "Examples:", "  loadlab demo", "  loadlab demo --strategy write --users 20000"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ReferenceService running = ReferenceService.start(service.toConfig("127.0.0.1", 0, 2_000))) {
            ServiceReport.started(out, running);
            out.println();
            EndpointTour.Result result = new EndpointTour(running.uri()).run(running::awaitConverged);
            out.printf("%-6s %-7s %-42s %10s  %s%n", "status", "method", "path", "time", "response");
            for (EndpointTour.Step s : result.steps()) {
                out.printf("%-6s %-7s %-42s %10s  %s%n", s.status() + (s.ok() ? "" : "!"), s.method(), s.path(),
                        Units.micros(s.micros()), s.note());
            }
            out.println();
            for (String failure : result.failures()) out.println("FAILED: " + failure);
            out.println(result.ok() ? "demo ok: every endpoint answered as expected and verification found nothing missing"
                    : "demo found problems (see above)");
            out.println("reference service stopped");
            return result.ok() ? Loadlab.OK : Loadlab.CHECK_FAILED;
        }
    }
}
