package loadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.recording.RunFiles;
import loadlab.reports.capacity.Slo;
import loadlab.reports.capacity.UslFigures;
import loadlab.reports.capacity.UslFit;
import loadlab.reports.capacity.UslPointsFile;
import loadlab.scenarios.profile.Durations;
import loadlab.scenarios.profile.Rate;
import loadlab.scenarios.profile.StartAt;

/** {@code loadlab capacity}: the highest load that meets the SLOs, and the Universal Scalability Law. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "Search for the highest constant rate that meets every SLO (doubling, then bisection; each step a run "
                + "directory), or sweep closed-model concurrency levels; fit the Universal Scalability Law to the steps or to a CSV.",
        footer = {"", "Examples:",
                "  loadlab capacity --slo 'p99 <= 50ms'                               (reference service, timeline workload)",
                "  loadlab capacity --target http://127.0.0.1:8080/ --slo 'p99 <= 20ms' --slo 'error-rate <= 0.1%%' --max 50000/s",
                "  loadlab capacity --requests workloads/timeline.yaml --slo 'p99 <= 50ms' --hold 20s",
                "  loadlab capacity --concurrency 1,2,4,8,16,32 --hold 20s --slo 'p99 <= 100ms'",
                "  loadlab capacity --fit points.csv --json usl.json"})
public final class CapacityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--slo", paramLabel = "'METRIC <= VALUE'",
            description = "An objective every passing step meets, e.g. 'p99 <= 50ms', 'p95 < 20ms', 'error-rate <= 0.1%%' "
                    + "(repeatable; without an error-rate one, error-rate <= 0.1%% applies).")
    List<String> slos = new ArrayList<>();

    @Option(names = "--start", defaultValue = "100/s", description = "The first rate tried (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--max", defaultValue = "100000/s", description = "The highest rate tried (default: ${DEFAULT-VALUE}).")
    String max;

    @Option(names = "--resolution", defaultValue = "5%",
            description = "Stop when the highest passing and the lowest failing rate are this close (default: ${DEFAULT-VALUE}).")
    String resolution;

    @Option(names = "--hold", defaultValue = "30s", description = "Measured time of each step (default: ${DEFAULT-VALUE}).")
    String hold;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Begin the search (its first run) measuring at this instant (ISO-8601 with its zone), e.g. in a scheduled job.")
    String startAt;

    @Option(names = "--settle", defaultValue = "5s",
            description = "Time at each step's load before measuring: its warm-up (default: ${DEFAULT-VALUE}).")
    String settle;

    @Option(names = "--target-warmup", defaultValue = "30s",
            description = "Load the target at the first step's level for this long before the first step, not judged: a cold target "
                    + "(code not yet compiled, caches empty) fails steps it would pass warm, and that would be a false knee; 0s to skip "
                    + "(default: ${DEFAULT-VALUE}).")
    String targetWarmup;

    @Option(names = "--concurrency", split = ",", paramLabel = "N,N,...",
            description = "Sweep these closed-model concurrency levels instead of searching rates, e.g. 1,2,4,8,16,32.")
    List<Integer> levels;

    @Option(names = "--fit", paramLabel = "POINTS.csv",
            description = "Only fit the Universal Scalability Law to measurements made anywhere (columns concurrency,throughput).")
    Path fit;

    @Option(names = "--json", paramLabel = "FILE", description = "With --fit: also write the fitted model as JSON.")
    Path json;

    @Option(names = "--out", defaultValue = "runs", description = "Directory of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", description = "Name of the search's directory (default: capacity-SCENARIO).")
    String name;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (fit != null) return fitOnly(console);
        if (json != null) throw new IllegalArgumentException("--json goes with --fit POINTS.csv");
        if (slos.isEmpty()) throw new IllegalArgumentException("give at least one --slo, e.g. --slo 'p99 <= 50ms'");
        List<Slo> objectives = new ArrayList<>();
        for (String s : slos) objectives.add(Slo.parse(s));
        if (objectives.stream().noneMatch(Slo::isErrorBudget)) objectives.add(Slo.parse(Slo.DEFAULT_ERROR_BUDGET));
        Duration holdTime = Durations.parse("--hold", hold);
        Duration settleTime = Durations.parse("--settle", settle);
        Durations.wholeSeconds("--hold", holdTime);
        Durations.wholeSeconds("--settle", settleTime);
        if (holdTime.getSeconds() < 3) throw new IllegalArgumentException("--hold must be at least 3s: a step judges the trend over its thirds");
        long warmTarget = Durations.wholeSeconds("--target-warmup", Durations.parse("--target-warmup", targetWarmup));
        CapacityPlan plan = levels != null
                ? CapacityPlan.sweep(levels)
                : CapacityPlan.search(Rate.parse("--start", start).perSecond(), Rate.parse("--max", max).perSecond(), share(resolution));
        Instant start = startAt == null ? null
                : StartAt.parse(startAt, warmTarget > 0 ? 0 : settleTime.toSeconds(), Instant.now());
        return new CapacityRun(console, spec.commandLine().getErr(), workload, service, objectives, plan, hold, settle, warmTarget, out, name,
                start).call();
    }

    private int fitOnly(PrintWriter console) {
        if (!slos.isEmpty() || levels != null) throw new IllegalArgumentException("--fit only fits a CSV; drop --slo and --concurrency");
        UslFigures figures = UslFigures.of(UslFit.fit(UslPointsFile.read(fit)));
        console.println(figures.describe());
        if (json != null) {
            RunFiles.write(json, figures);
            console.println("wrote " + json);
        }
        return Loadlab.OK;
    }

    private static double share(String text) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)%").matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("--resolution '" + text + "' is not a percentage; write it like 5%");
        return Double.parseDouble(m.group(1)) / 100;
    }
}
