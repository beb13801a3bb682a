package loadlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.openjdk.jmh.util.Version;

import loadlab.benchmarks.BenchRunner;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunFiles;
import loadlab.recording.RecordedProfile;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;
import loadlab.recording.Tool;
import loadlab.recording.BenchSummary;
import loadlab.reports.text.BenchTable;

/** {@code loadlab bench}: runs the JMH benchmarks into a run directory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the JMH microbenchmarks (each in forked JVMs) and write a run directory with JMH's jmh.json "
                + "and a summary.json (loadlab.bench/1).",
        footer = {"", "Examples:",
                "  loadlab bench --quick                        (smoke setting: the whole suite in about two minutes)",
                "  loadlab bench --include FanoutOnWrite        (publishable setting: 3 forks, 3 warm-up + 5 measured iterations)",
                "  loadlab bench --list"})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--include", defaultValue = ".*", paramLabel = "REGEX", description = "Benchmarks whose name matches (default: all).")
    String include;

    @Option(names = "--quick", description = "Smoke setting: 1 fork, 1 warm-up and 2 measured iterations of 1 s.")
    boolean quick;

    @Option(names = "--list", description = "List the benchmarks and their params, and exit.")
    boolean list;

    @Option(names = "--out", defaultValue = "runs", description = "Directory of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (list) {
            BenchRunner.benchmarks(include).forEach((name, params) -> {
                List<String> ps = new ArrayList<>();
                params.forEach((k, v) -> ps.add(k + "=" + String.join("|", v)));
                console.println(name + (ps.isEmpty() ? "" : "  " + String.join(" ", ps)));
            });
            console.flush();
            return Loadlab.OK;
        }
        if (BenchRunner.select(include).isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches --include '" + include + "'; 'loadlab bench --list' shows them");
        }
        BenchRunner.Settings settings = quick ? BenchRunner.Settings.QUICK : BenchRunner.Settings.PUBLISHABLE;
        Path dir = RunDirectory.create(out, "bench", Instant.now());
        RecordedProfile.Bench described = new RecordedProfile.Bench(settings.name(), settings.forks(), settings.warmupIterations(),
                settings.measurementIterations(), settings.iterationSeconds(), include);
        RunManifest manifest = RunManifest.bench(described, Instant.now(), Tool.current("jmh " + Version.getPlainVersion()));
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest);
        console.printf(Locale.ROOT, "bench %s (%s) -> %s%n", include, settings.name(), dir);
        console.flush();
        PrintStream jmhOut = new PrintStream(new WriterOutputStream(console), true, StandardCharsets.UTF_8);
        BenchRunner.Outcome outcome = BenchRunner.run(include, settings, dir, jmhOut);
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest.ended(Instant.now().toString(), 0, false, null));
        BenchSummary summary = BenchSummary.fromJmh(outcome.jmhJson(), described, outcome.skipped());
        RunFiles.write(dir.resolve(Summary.FILE), summary);
        RunDirectory.markLatest(out, dir);
        BenchTable.print(summary, console);
        ReportStep.build(console, dir);
        console.println("run directory: " + dir);
        return Loadlab.OK;
    }

    /** Lets JMH, which prints to a stream, print through the command's writer (so tests capture it). */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') flush();
        }

        @Override
        public synchronized void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
