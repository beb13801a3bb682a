package loadlab.scenarios.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * N injectors as a Kubernetes Indexed Job: pod i runs {@code loadlab run ... --segment (i+1)/N
 * --start-at T} (its index from {@code JOB_COMPLETION_INDEX}, which Kubernetes sets), so the N
 * segments of one profile start together on N nodes and write their run directories to one shared
 * volume, from which {@code loadlab k8s collect} merges them. Kubernetes runs the pods; loadlab only
 * writes what to run, so there is no cluster manager of loadlab's own.
 *
 * @param name      the Job's name, also the run directories' folder on the volume
 * @param namespace null for the context's default
 * @param injectors how many pods, each its own segment
 * @param image     an image with {@code loadlab} on its PATH (see the Containerfile)
 * @param claim     a ReadWriteMany PersistentVolumeClaim the pods write their run directories to
 * @param cpu       CPU request and limit of each injector, e.g. "2"
 * @param memory    memory request and limit of each injector, e.g. "2Gi"
 * @param startAt   when every injector starts measuring
 * @param runArgs   the {@code loadlab run} flags of the whole profile (target, rate, duration, ...)
 * @param deadline  how long after its creation the Job may run at most (it is then stopped)
 */
public record InjectorJob(String name, String namespace, int injectors, String image, String claim, String cpu, String memory,
                          Instant startAt, List<String> runArgs, Duration deadline) {
    /** Where the shared volume is mounted in each pod. */
    public static final String MOUNT = "/runs";
    /** Flags the Job sets for each pod, which the run flags may not. */
    static final Set<String> SET_BY_THE_JOB = Set.of("--segment", "--start-at", "--out", "--name");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?");

    public InjectorJob {
        runArgs = List.copyOf(runArgs);
        if (name == null || !DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("--name '" + name + "' must be a Kubernetes name: lower-case letters, digits and '-', "
                    + "at most 52 characters, starting and ending with a letter or digit");
        }
        if (namespace != null && !DNS_LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("--namespace '" + namespace + "' is not a Kubernetes namespace name");
        }
        if (injectors < 1 || injectors > 1_000) throw new IllegalArgumentException("--injectors must be from 1 to 1000, not " + injectors);
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("--image must name a container image with loadlab in it, e.g. registry.example/loadlab:0.1");
        }
        if (claim == null || !DNS_LABEL.matcher(claim).matches()) {
            throw new IllegalArgumentException("--pvc '" + claim + "' must name a PersistentVolumeClaim (ReadWriteMany) for the run directories");
        }
        for (String q : new String[] {cpu, memory}) {
            if (q == null || !QUANTITY.matcher(q).matches()) {
                throw new IllegalArgumentException("'" + q + "' is not a Kubernetes quantity; write --cpu like 2 or 1500m, --memory like 2Gi");
            }
        }
        for (String arg : runArgs) {
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (SET_BY_THE_JOB.contains(flag)) {
                throw new IllegalArgumentException(flag + " is set by the Job for each injector; drop it from the run flags");
            }
        }
        if (runArgs.stream().noneMatch(a -> a.equals("--target") || a.startsWith("--target="))) {
            throw new IllegalArgumentException("the run flags need --target URL: injectors in a cluster load a service, not a reference "
                    + "service of their own");
        }
    }

    /** The command each pod runs: the run flags, then its segment and the shared start, writing under the volume. */
    public List<String> command() {
        String script = "exec loadlab run \"$@\" --segment \"$((JOB_COMPLETION_INDEX + 1))/" + injectors + "\" --start-at " + startAt
                + " --out " + MOUNT + "/" + name + " --name \"segment-$((JOB_COMPLETION_INDEX + 1))-of-" + injectors + "\"";
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "loadlab"));
        command.addAll(runArgs);
        return command;
    }

    /** The Job as a Kubernetes object (ordered maps, as YAML shows them). */
    public Map<String, Object> job() {
        Map<String, Object> labels = map("app.kubernetes.io/name", "loadlab", "app.kubernetes.io/component", "injector", "loadlab.dev/run", name);
        Map<String, Object> metadata = map("name", name);
        if (namespace != null) metadata.put("namespace", namespace);
        metadata.put("labels", labels);

        Map<String, Object> resources = map("requests", map("cpu", cpu, "memory", memory), "limits", map("cpu", cpu, "memory", memory));
        Map<String, Object> container = map("name", "injector", "image", image, "command", command(), "resources", resources,
                "volumeMounts", List.of(map("name", "runs", "mountPath", MOUNT)));
        Map<String, Object> spreadOverNodes = map("podAntiAffinity", map("requiredDuringSchedulingIgnoredDuringExecution", List.of(
                map("labelSelector", map("matchLabels", map("loadlab.dev/run", name)), "topologyKey", "kubernetes.io/hostname"))));
        Map<String, Object> podSpec = map("restartPolicy", "Never", "affinity", spreadOverNodes, "containers", List.of(container),
                "volumes", List.of(map("name", "runs", "persistentVolumeClaim", map("claimName", claim))));
        Map<String, Object> spec = map("completionMode", "Indexed", "completions", injectors, "parallelism", injectors, "backoffLimit", 0,
                "activeDeadlineSeconds", deadline.toSeconds(),
                "template", map("metadata", map("labels", labels), "spec", podSpec));
        return map("apiVersion", "batch/v1", "kind", "Job", "metadata", metadata, "spec", spec);
    }

    public String yaml() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        try {
            return "# loadlab: " + injectors + " injectors, measuring from " + startAt + "; kubectl apply -f this, then\n"
                    + "# loadlab k8s collect --job " + name + " --pvc " + claim + " --image " + image
                    + (namespace == null ? "" : " --namespace " + namespace) + " --out DIR\n" + yaml.writeValueAsString(job());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
