package loadlab.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import loadlab.recording.RunManifest;

/**
 * What two runs differ in besides the code under test: scenario, target, profile, parameters,
 * engine. A comparison or a relative gate over such runs measures the difference in set-up too, so
 * {@code compare} and {@code gate} say so, one sentence per difference.
 */
public final class RunDifferences {
    private RunDifferences() {}

    public static List<String> between(RunManifest a, RunManifest b, Path aDir, Path bDir) {
        List<String> out = new ArrayList<>();
        differ(out, "scenario", a.scenario(), b.scenario(), aDir, bDir);
        differ(out, "target", a.target(), b.target(), aDir, bDir);
        differ(out, "profile", a.profile() == null ? null : a.profile().text(), b.profile() == null ? null : b.profile().text(), aDir, bDir);
        differ(out, "scenario parameters", String.valueOf(new java.util.TreeMap<>(a.parameters())),
                String.valueOf(new java.util.TreeMap<>(b.parameters())), aDir, bDir);
        differ(out, "engine", a.tool() == null ? null : a.tool().engine(), b.tool() == null ? null : b.tool().engine(), aDir, bDir);
        return out;
    }

    private static void differ(List<String> out, String what, String a, String b, Path aDir, Path bDir) {
        if (!Objects.equals(a, b)) out.add(bDir + " and " + aDir + " differ in their " + what + " (" + b + " against " + a + ")");
    }
}
