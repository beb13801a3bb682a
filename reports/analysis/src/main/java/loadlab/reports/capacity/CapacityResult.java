package loadlab.reports.capacity;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import loadlab.recording.RunFiles;

/**
 * {@code capacity.json}: what a capacity search (or a concurrency sweep) found, with every step and
 * the Universal Scalability Law fitted to them.
 *
 * @param mode                 "search" (offered rates) or "sweep" (closed-model concurrency levels)
 * @param slo                  the objectives every passing step met, as written
 * @param sustainableRatePerS  the highest offered rate that met every SLO (search), or the highest throughput of a
 *                             passing level (sweep); null when none passed
 * @param bracket              the highest passing and the lowest failing rate (search), either null if not found
 * @param outcome              how the search ended ({@link CapacitySearch.Outcome}, lower case), or "swept"
 * @param conclusion           the same in one sentence
 * @param usl                  the fit, or null with {@code uslNote} saying why not
 */
public record CapacityResult(String schema, String mode, String target, String scenario, List<String> slo, Double resolution,
                             Double sustainableRatePerS, Bracket bracket, String outcome, String conclusion, List<CapacityStep> steps,
                             UslFigures usl, String uslNote, String started, String ended, double durationS) {
    public static final String FILE = "capacity.json";
    public static final String SCHEMA = "loadlab.capacity/1";
    /** Where the steps' run directories go inside the search's directory. */
    public static final String STEPS = "steps";

    public CapacityResult {
        slo = List.copyOf(slo);
        steps = List.copyOf(steps);
    }

    /** @param lowPerS highest passing rate; @param highPerS lowest failing rate */
    public record Bracket(Double lowPerS, Double highPerS) {}

    /** A step's directory name: its place and its load, e.g. {@code 03-2000} or {@code 05-c16}. */
    public static String stepDir(int index, Double rate, Integer users) {
        String load = users != null ? "c" + users : rate == Math.rint(rate) ? String.valueOf(Math.round(rate)) : String.valueOf(rate);
        return String.format(Locale.ROOT, "%02d-%s", index, load);
    }

    /** The USL over some steps, or why there is none. */
    public record Fit(UslFigures figures, String note) {}

    /** The USL over the steps that describe the target, or the reason there is none. */
    public static Fit fit(List<CapacityStep> steps) {
        List<UslPoint> steady = steps.stream().map(CapacityStep::uslPoint).filter(Objects::nonNull).toList();
        List<UslPoint> points = steady.stream().filter(p -> p.concurrency() >= 1).toList();
        if (points.size() < UslFit.MIN_POINTS) {
            return new Fit(null, "not fitted: " + steady.size() + " of " + steps.size() + " steps describe the target in a steady state"
                    + " (no growing backlog)" + (points.size() < steady.size() ? ", " + (steady.size() - points.size())
                    + " of them at a concurrency below 1, where the law says nothing," : "") + " and the Universal Scalability Law needs at least "
                    + UslFit.MIN_POINTS + "; a sweep (--concurrency 1,2,4,8,16,32) gives it its points");
        }
        try {
            return new Fit(UslFigures.of(UslFit.fit(points)), null);
        } catch (IllegalArgumentException e) {
            return new Fit(null, "not fitted: " + e.getMessage());
        }
    }

    public void write(Path dir) {
        RunFiles.write(dir.resolve(FILE), this);
    }

    public static CapacityResult read(Path dir) {
        CapacityResult r = RunFiles.read(dir.resolve(FILE), CapacityResult.class);
        if (!SCHEMA.equals(r.schema())) {
            throw new IllegalArgumentException(dir.resolve(FILE) + " has schema " + r.schema() + ", not " + SCHEMA);
        }
        return r;
    }
}
