package loadlab.scenarios.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;

/**
 * Copies the run directories an {@link InjectorJob} wrote to its volume back to this machine with
 * the user's {@code kubectl}: the Job's pods have finished, so a short-lived pod mounts the volume,
 * {@code kubectl cp} copies the Job's folder, and the pod is deleted again, whatever happened.
 * It says how the Job ended; which segments are there, and whether they add up, the merge decides.
 */
public final class KubectlCollect {
    private static final long COMMAND_TIMEOUT_S = 600;

    private final String kubectl;
    private final String context;
    private final String namespace;

    /** @param context and {@code namespace} null for kubectl's current ones */
    public KubectlCollect(String kubectl, String context, String namespace) {
        this.kubectl = kubectl;
        this.context = context;
        this.namespace = namespace;
    }

    /** Copies {@code /runs/JOB} from the claim into {@code into}; returns the run directories found there, by segment. */
    public List<Path> collect(String job, String claim, String image, Path into, PrintWriter log) throws InterruptedException {
        String[] status = run("get", "job", job, "-o", "jsonpath={.spec.completions} {.status.succeeded} {.status.failed}").strip().split(" ", -1);
        log.printf(Locale.ROOT, "job %s: %s of %s injectors succeeded, %s failed%n", job, count(status, 1), count(status, 0),
                count(status, 2));
        String pod = job + "-collect";
        String overrides = "{\"apiVersion\":\"v1\",\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"collect\",\"image\":\""
                + image + "\",\"command\":[\"sleep\",\"600\"],\"volumeMounts\":[{\"name\":\"runs\",\"mountPath\":\"" + InjectorJob.MOUNT
                + "\"}]}],\"volumes\":[{\"name\":\"runs\",\"persistentVolumeClaim\":{\"claimName\":\"" + claim + "\"}}]}}";
        try {
            run("run", pod, "--image", image, "--restart=Never", "--overrides", overrides);
            run("wait", "--for=condition=Ready", "pod/" + pod, "--timeout=180s");
            run("cp", pod + ":" + InjectorJob.MOUNT + "/" + job, into.toString());
        } finally {
            try {
                run("delete", "pod", pod, "--wait=false", "--ignore-not-found");
            } catch (IllegalArgumentException e) {
                log.println("loadlab: could not delete the helper pod " + pod + " (" + e.getMessage() + "); delete it by hand");
            }
        }
        List<Path> segments = new ArrayList<>();
        try (var found = Files.walk(into, 3)) { // kubectl cp may or may not add the folder's own name
            for (Path d : found.sorted().toList()) {
                if (!Files.isSymbolicLink(d) && Files.isDirectory(d) && Files.isRegularFile(d.resolve(RunManifest.FILE))) segments.add(d);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read what was copied into " + into + ": " + e.getMessage());
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the volume " + claim + " holds no run directory under " + InjectorJob.MOUNT + "/" + job
                    + "; did the injectors start? (kubectl logs job/" + job + ")");
        }
        segments.sort(Comparator.comparing(d -> segmentOf(d)));
        return segments;
    }

    private static int segmentOf(Path dir) {
        RunManifest m = RunFiles.read(dir.resolve(RunManifest.FILE), RunManifest.class);
        return m == null || m.segment() == null ? Integer.MAX_VALUE : m.segment().k();
    }

    private static String count(String[] status, int i) {
        return i < status.length && !status[i].isBlank() ? status[i] : "0";
    }

    /** Runs kubectl with the context and namespace; its output, or one sentence with its error. */
    String run(String... args) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(kubectl);
        if (context != null) cmd.addAll(List.of("--context", context));
        if (namespace != null) cmd.addAll(List.of("--namespace", namespace));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + kubectl + " (" + e.getMessage() + "); give its path with --kubectl");
        }
        try {
            p.getOutputStream().close(); // kubectl asks nothing
        } catch (IOException ignored) {
            // it has exited already
        }
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out = "";
        }
        if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalArgumentException("kubectl " + args[0] + " did not finish in " + COMMAND_TIMEOUT_S + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalArgumentException("kubectl " + String.join(" ", List.of(args).subList(0, Math.min(3, args.length)))
                    + " failed (exit " + p.exitValue() + "): " + out.strip().lines().findFirst().orElse("no message"));
        }
        return out;
    }
}
