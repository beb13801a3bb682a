package loadlab.scenarios.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.testkit.EndToEnd;

/**
 * The Job loadlab writes is a Kubernetes Job to the letter: it parses into the fabric8 Kubernetes
 * model with no field the model does not know (the model keeps unknown fields aside instead of
 * failing, so every object is searched for them), kubectl renders it, and it says what the issue
 * asks: Indexed, N completions at once, no retries, each pod its segment of N from its index and the
 * shared start, resources, spread over nodes, the claim mounted.
 */
@EndToEnd
class TheInjectorJobIsAValidKubernetesJobTest {
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path tmp;

    private static InjectorJob job(List<String> runArgs) {
        return new InjectorJob("loadlab-shop", "perf", 3, "registry.example/loadlab:0.1", "loadlab-runs", "2", "2Gi", START, runArgs,
                Duration.ofMinutes(20));
    }

    private static final List<String> RUN = List.of("--target", "http://shop.perf.svc:8080/", "--rate", "3000/s", "--duration", "5m");

    @Test
    void itParsesStrictlyIntoTheKubernetesModel() throws Exception {
        String yaml = job(RUN).yaml();
        Job parsed = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(yaml, Job.class);
        List<String> unknown = new ArrayList<>();
        unknownFields(parsed, "job", unknown, new IdentityHashMap<>());
        assertEquals(List.of(), unknown, "fields the Kubernetes model does not know");

        assertEquals("batch/v1", parsed.getApiVersion());
        assertEquals("Indexed", parsed.getSpec().getCompletionMode());
        assertEquals(3, parsed.getSpec().getCompletions());
        assertEquals(3, parsed.getSpec().getParallelism());
        assertEquals(0, parsed.getSpec().getBackoffLimit());
        assertEquals(1200L, parsed.getSpec().getActiveDeadlineSeconds());
        PodSpec pod = parsed.getSpec().getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        assertEquals("kubernetes.io/hostname",
                pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0).getTopologyKey());
        assertEquals("loadlab-runs", pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName());
        Container c = pod.getContainers().get(0);
        assertEquals("2", c.getResources().getLimits().get("cpu").toString());
        assertEquals("2Gi", c.getResources().getRequests().get("memory").toString());
        assertEquals(InjectorJob.MOUNT, c.getVolumeMounts().get(0).getMountPath());
        assertEquals(job(RUN).command(), c.getCommand());
        String script = c.getCommand().get(2);
        assertTrue(script.contains("--segment \"$((JOB_COMPLETION_INDEX + 1))/3\"") && script.contains("--start-at " + START), script);
    }

    @Test
    void theStrictReadingCatchesAFieldKubernetesDoesNotKnow() throws Exception {
        String misspelt = job(RUN).yaml().replace("completionMode:", "completionMod:").replace("claimName:", "claim:");
        Job parsed = new ObjectMapper(new YAMLFactory()).readValue(misspelt, Job.class);
        List<String> unknown = new ArrayList<>();
        unknownFields(parsed, "job", unknown, new IdentityHashMap<>());
        assertEquals(2, unknown.size(), "" + unknown);
        assertTrue(unknown.get(0).contains("completionMod") || unknown.get(1).contains("completionMod"), "" + unknown);
    }

    @Test
    void kubectlRendersIt() throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        if (!Files.isExecutable(kubectl)) {
            assertTrue(!"true".equals(System.getenv("CI")), "/usr/bin/kubectl is missing (apt-get install kubectl), and CI=true requires it");
            assumeTrue(false, "kubectl is not installed");
        }
        Files.writeString(tmp.resolve("job.yaml"), job(RUN).yaml());
        Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n  - job.yaml\n");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", tmp.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("kind: Job") && out.contains("completionMode: Indexed") && out.contains("claimName: loadlab-runs"), out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Upper-case name | name | must be a Kubernetes name
            --segment       | flag | --segment is set by the Job for each injector
            --out=x         | flag | --out is set by the Job for each injector
            no target       | none | the run flags need --target URL
            2 cores         | cpu  | is not a Kubernetes quantity
            """)
    void whatCannotRunIsOneSentence(String what, String kind, String phrase) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            switch (kind) {
                case "name" -> new InjectorJob("Shop", null, 2, "img", "runs", "1", "1Gi", START, RUN, Duration.ofMinutes(5));
                case "flag" -> job(concat(RUN, what));
                case "none" -> job(List.of("--rate", "5/s"));
                default -> new InjectorJob("shop", null, 2, "img", "runs", "2 cores", "1Gi", START, RUN, Duration.ofMinutes(5));
            }
        });
        assertTrue(e.getMessage().contains(phrase), e.getMessage());
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        out.add("1/2");
        return out;
    }

    /** Every fabric8 object in the tree with additional (unknown) properties, by path. */
    private static void unknownFields(Object o, String path, List<String> found, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, true) != null) return;
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) unknownFields(item, path + "[" + i++ + "]", found, seen);
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) unknownFields(e.getValue(), path + "." + e.getKey(), found, seen);
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) return;
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) continue;
            Object value = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) found.add(path + ": " + extra.keySet());
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), found, seen);
            }
        }
    }
}
