package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * A stand-in for the cluster, as no cluster or container engine is at hand: the manifest's own
 * container command runs three times as separate processes, each with its JOB_COMPLETION_INDEX and
 * the shared volume mounted (a directory), all starting together at the manifest's --start-at
 * against a loopback target; then k8s collect, through a kubectl that copies from that directory,
 * merges them. The merged run holds exactly the profile's requests, every second of its timeline
 * has requests, and the gate judges it like any run.
 */
@EndToEnd
class InjectorsOnAStandInClusterMergeIntoTheProfileTest {
    @TempDir
    Path tmp;

    @Test
    void threeInjectorsStartTogetherAndAddUpToTheProfile() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            Path manifest = tmp.resolve("job.yaml");
            CliRun made = CliRun.execute("k8s", "manifest", "--injectors", "3", "--image", "stand-in", "--pvc", "runs", "--name", "standin",
                    "--start-in", "15s", "--out", manifest.toString(), "--",
                    "--target", target.url(), "--rate", "60/s", "--duration", "6s", "--warmup", "2s");
            assertEquals(0, made.exit(), made.out() + made.err());
            JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(manifest.toFile());
            JsonNode container = job.at("/spec/template/spec/containers/0");
            String mount = container.at("/volumeMounts/0/mountPath").asText();
            Path volume = Files.createDirectories(tmp.resolve("volume"));
            Path bin = Files.createDirectories(tmp.resolve("bin"));
            executable(bin.resolve("loadlab"), "#!/bin/sh\nexec '" + ProcessHandle.current().info().command().orElseThrow() + "' -cp '"
                    + System.getProperty("java.class.path") + "' " + Loadlab.class.getName() + " \"$@\"\n");

            List<Process> pods = new ArrayList<>();
            for (int index = 0; index < 3; index++) {
                List<String> command = new ArrayList<>();
                container.path("command").forEach(c -> command.add(c.asText().replace(mount + "/", volume + "/")));
                ProcessBuilder pod = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("pod-" + index + ".log").toFile());
                Map<String, String> env = pod.environment();
                env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
                env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
                pods.add(pod.start());
            }
            for (int index = 0; index < pods.size(); index++) {
                Process pod = pods.get(index);
                assertTrue(pod.waitFor(120, TimeUnit.SECONDS), "pod " + index + " finished");
                assertEquals(0, pod.exitValue(), "pod " + index + ":\n" + Files.readString(tmp.resolve("pod-" + index + ".log")));
            }

            Path kubectl = executable(bin.resolve("kubectl"), """
                    #!/bin/bash
                    echo "$*" >> "%s/kubectl.log"
                    while [[ "$1" == --context || "$1" == --namespace ]]; do shift 2; done
                    case "$1" in
                      get) echo "3 3 " ;;
                      run|wait|delete) ;;
                      cp) job=$(basename "${2#*:}"); mkdir -p "$3" && cp -r "%s/$job/." "$3/" ;;
                      *) echo "stand-in kubectl: no $1" >&2; exit 1 ;;
                    esac
                    """.formatted(tmp, volume));
            Path collected = tmp.resolve("collected");
            CliRun collect = CliRun.execute("k8s", "collect", "--job", "standin", "--pvc", "runs", "--image", "stand-in", "--kubectl",
                    kubectl.toString(), "--namespace", "perf", "--out", collected.toString());
            String text = collect.out() + collect.err();
            assertEquals(0, collect.exit(), text);
            assertTrue(text.contains("job standin: 3 of 3 injectors succeeded, 0 failed"), text);
            assertTrue(text.contains("collected 3 run directories"), text);
            List<String> calls = Files.readAllLines(tmp.resolve("kubectl.log"));
            assertEquals(List.of("get", "run", "wait", "cp", "delete"), calls.stream().map(c -> c.split(" ")[2]).toList(),
                    "a helper pod mounts the volume, is copied from and deleted: " + calls);

            RunDirectory merged = RunDirectory.open(collected.resolve("merged"));
            assertEquals(RunState.COMPLETE, merged.state(), merged.stateReason());
            assertEquals(360, merged.summary().total().count(), "exactly the profile: 6 s at 60/s");
            TreeSet<Long> seconds = new TreeSet<>();
            merged.latency(e -> seconds.add(e.slot(merged.manifest().measureFromMillis(), 1)));
            assertTrue(seconds.containsAll(List.of(0L, 1L, 2L, 3L, 4L, 5L)), "no hole in the merged timeline: " + seconds);
            String script = container.at("/command/2").asText();
            String startAt = script.substring(script.indexOf("--start-at ") + 11).split(" ")[0];
            assertEquals(startAt, merged.manifest().startAt(), "the merged run keeps the instant its segments started at");
            assertTrue(text.contains("3 segments, measured from time zeros"), text);

            Path gate = Files.writeString(tmp.resolve("gate.yaml"), "absolute:\n  - { metric: achieved-rate, at-least: 95% }\n"
                    + "  - { request: \"*\", metric: error-rate, below: 0.1% }\n");
            CliRun judged = CliRun.execute("gate", collected.resolve("merged").toString(), "--spec", gate.toString());
            assertEquals(0, judged.exit(), judged.out() + judged.err());
        }
    }

    private static Path executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
