package loadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import loadlab.scenarios.cluster.InjectorJob;
import loadlab.scenarios.cluster.KubectlCollect;
import loadlab.scenarios.profile.LoadProfile;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.scenarios.profile.StartAt;

/** {@code loadlab k8s}: N injectors as a Kubernetes Indexed Job, and their segments collected and merged. */
@Command(name = "k8s", mixinStandardHelpOptions = true,
        description = "Run the segments of one profile on N injectors in a Kubernetes cluster, starting together, and collect them.",
        subcommands = {K8sCommand.Manifest.class, K8sCommand.Collect.class})
public final class K8sCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = "Write an Indexed Job whose pod i runs 'loadlab run RUN_FLAGS --segment (i+1)/N --start-at T', spread over "
                    + "nodes, writing its run directory to a shared PersistentVolumeClaim.",
            footer = {"", "Example:",
                    "  loadlab k8s manifest --injectors 4 --image registry.example/loadlab:0.1 --pvc loadlab-runs --out job.yaml \\",
                    "      -- --target http://shop.default.svc:8080/ --rate 20000/s --duration 5m --warmup 30s",
                    "  kubectl apply -f job.yaml"})
    static final class Manifest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--injectors", required = true, description = "How many injectors (pods), each running its segment.")
        int injectors;

        @Option(names = "--image", required = true, description = "A container image with loadlab on its PATH (see Containerfile).")
        String image;

        @Option(names = "--pvc", required = true, paramLabel = "CLAIM",
                description = "A ReadWriteMany PersistentVolumeClaim the injectors write their run directories to.")
        String claim;

        @Option(names = "--name", description = "The Job's name (default: loadlab-<UTC time>).")
        String name;

        @Option(names = "--namespace", description = "The Job's namespace (default: the context's).")
        String namespace;

        @Option(names = "--cpu", defaultValue = "2", description = "CPU request and limit of each injector (default: ${DEFAULT-VALUE}).")
        String cpu;

        @Option(names = "--memory", defaultValue = "2Gi", description = "Memory request and limit of each injector (default: ${DEFAULT-VALUE}).")
        String memory;

        @Option(names = "--start-at", paramLabel = "TIME", description = "When every injector starts measuring (ISO-8601 with its zone).")
        String startAt;

        @Option(names = "--start-in", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Or: this long from now, for the pods to be scheduled, pull the image and warm up (default: 2m).")
        Duration startIn;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the YAML here (default: standard output).")
        Path out;

        @Parameters(paramLabel = "RUN_FLAG", arity = "1..*",
                description = "After --: the 'loadlab run' flags of the whole profile, e.g. -- --target URL --rate 5000/s --duration 5m.")
        List<String> runArgs;

        @Override
        public Integer call() throws IOException {
            LoadProfile profile = checkedRunFlags(runArgs);
            if (startAt != null && startIn != null) throw new IllegalArgumentException("give --start-at or --start-in, not both");
            Instant now = Instant.now();
            Instant start = startAt != null ? StartAt.parse(startAt, profile.warmupSeconds(), now)
                    : StartAt.check(now.plus(startIn == null ? Duration.ofMinutes(2) : startIn).truncatedTo(ChronoUnit.SECONDS),
                    profile.warmupSeconds(), now);
            String jobName = name != null ? name : "loadlab-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
            Duration deadline = Duration.between(now, start).plusSeconds(profile.measuredSeconds()).plusMinutes(10);
            String yaml = new InjectorJob(jobName, namespace, injectors, image, claim, cpu, memory, start, runArgs, deadline).yaml();
            if (out == null) {
                spec.commandLine().getOut().print(yaml);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, yaml);
                spec.commandLine().getErr().println("wrote " + out + ": " + injectors + " injectors of job " + jobName + ", measuring from " + start);
            }
            return Loadlab.OK;
        }

        /** The run flags as 'loadlab run' would take them, checked here so a typo fails now and not in N pods; their profile. */
        private static LoadProfile checkedRunFlags(List<String> args) {
            RunCommand run = new RunCommand();
            try {
                new CommandLine(run).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException("the run flags after -- are not what 'loadlab run' takes: " + e.getMessage());
            }
            return new ProfileSpec(run.rate, run.ramp, run.stairs, run.hold, run.concurrency, run.duration, run.warmup, run.profileFile)
                    .toProfile();
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Copy the segments an injector Job wrote to its volume (with kubectl) and merge them into one run directory "
                    + "with one report, which 'loadlab gate' judges like any other.")
    static final class Collect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--job", required = true, description = "The Job's name (from the manifest).")
        String job;

        @Option(names = "--pvc", required = true, paramLabel = "CLAIM", description = "The claim the injectors wrote to.")
        String claim;

        @Option(names = "--image", required = true, description = "An image with tar and sleep, for the pod that reads the volume (the loadlab image will do).")
        String image;

        @Option(names = "--namespace", description = "The Job's namespace (default: the context's).")
        String namespace;

        @Option(names = "--context", description = "The kubectl context (default: the current one).")
        String context;

        @Option(names = "--kubectl", defaultValue = "kubectl", description = "The kubectl to run (default: ${DEFAULT-VALUE} on the PATH).")
        String kubectl;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new directory: the segments go to DIR/segments, the merged run to DIR/merged.")
        Path out;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter console = spec.commandLine().getOut();
            Path segmentsDir = out.resolve("segments");
            try {
                if (Files.exists(out)) {
                    try (var entries = Files.list(out)) {
                        if (entries.findAny().isPresent()) throw new IllegalArgumentException("--out " + out + " is not empty; give a new directory");
                    }
                }
                Files.createDirectories(segmentsDir);
                Files.createDirectories(out.resolve("merged"));
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + out + " cannot be created (" + e.getMessage() + "); give a writable directory");
            }
            List<Path> segments = new KubectlCollect(kubectl, context, namespace).collect(job, claim, image, segmentsDir, console);
            List<String> names = new ArrayList<>();
            for (Path s : segments) names.add(s.getFileName().toString());
            console.println("collected " + segments.size() + " run directories: " + String.join(", ", names));
            return MergeStep.merge(console, segments, out.resolve("merged"));
        }
    }
}
