package loadlab.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import loadlab.recording.RunManifest;
import loadlab.reports.format.Figures;

/**
 * What two runs differ in besides the code under test: scenario, target, profile, parameters,
 * engine. A comparison or a relative gate over such runs measures the difference in set-up too, so
 * {@code compare} and {@code gate} say so, one sentence per difference.
 */
public final class RunDifferences {
    private RunDifferences() {}

    public static List<String> between(RunManifest a, RunManifest b, Path aDir, Path bDir) {
        return between(a, b, aDir.toString(), bDir.toString());
    }

    /** @param aName how to name the first run in the sentences (a path, a label) */
    public static List<String> between(RunManifest a, RunManifest b, String aName, String bName) {
        List<String> out = new ArrayList<>();
        differ(out, "scenario", a.scenario(), b.scenario(), aName, bName);
        differ(out, "target", a.target(), b.target(), aName, bName);
        differ(out, "profile", a.profile() == null ? null : a.profile().text(), b.profile() == null ? null : b.profile().text(), aName, bName);
        differ(out, "scenario parameters", Figures.pairs(a.parameters()),
                Figures.pairs(b.parameters()), aName, bName);
        differ(out, "engine", a.tool() == null ? null : a.tool().engine(), b.tool() == null ? null : b.tool().engine(), aName, bName);
        return out;
    }

    private static void differ(List<String> out, String what, String a, String b, String aName, String bName) {
        if (!Objects.equals(a, b)) out.add(bName + " and " + aName + " differ in their " + what + " (" + b + " against " + a + ")");
    }
}
