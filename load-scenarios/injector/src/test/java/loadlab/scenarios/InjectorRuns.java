package loadlab.scenarios;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import loadlab.recording.RunDirectory;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.LoadRun;
import loadlab.injector.internal.run.RunSpec;
import loadlab.injector.internal.run.Engine;

/** Starts real load runs (an injector JVM each) against a loopback target, for end-to-end tests. */
final class InjectorRuns {
    private InjectorRuns() {}

    static LoadRun.Result run(Path root, String url, ProfileSpec profile, List<String> prefix) throws Exception {
        return run(root, url, profile, prefix, Engine.GATLING, 64);
    }

    static LoadRun.Result run(Path root, String url, ProfileSpec profile, List<String> prefix, Engine engine, int connections) throws Exception {
        return run(root, RunSpec.builder("http-get", url, profile).name("test").engine(engine).connections(connections).build(), prefix);
    }

    /** Runs {@code spec} in a fresh run directory under {@code root} (its runDir is replaced). */
    static LoadRun.Result run(Path root, RunSpec template, List<String> prefix) throws Exception {
        Path dir = RunDirectory.create(root, "test", Instant.now());
        RunSpec spec = template.toBuilder().runDir(dir.toString()).terminal(false).build();
        StringWriter out = new StringWriter();
        LoadRun.Result result = LoadRun.run(spec, root, new PrintWriter(out, true), false, prefix);
        if (result.run() == null) {
            throw new AssertionError("the injector exited " + result.exitCode() + " without a readable run (" + result.unreadable() + "):\n" + out);
        }
        return result;
    }
}
