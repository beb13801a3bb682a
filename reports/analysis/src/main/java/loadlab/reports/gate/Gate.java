package loadlab.reports.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import loadlab.reports.format.Figures;
import loadlab.reports.format.BenchScore;
import loadlab.recording.Micros;
import loadlab.recording.BenchSummary;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunKind;
import loadlab.recording.RunState;
import loadlab.reports.RunDifferences;
import loadlab.recording.Percent;
import loadlab.recording.RequestHistograms;
import loadlab.recording.RequestNamePattern;
import loadlab.reports.metric.Metric;

/**
 * Judges a run against a gate spec. Absolute checks compare the run's figure with the limit.
 * Relative checks compare the run with a baseline by how much worse it is (in the metric's own
 * direction), and fail only when the whole confidence interval of that change is beyond the
 * allowance: the interval comes from resampling each run's own data (a load run's slices of
 * interval histograms; a bench run's forks and iterations), so it is as wide as the runs are noisy.
 * When the best estimate is beyond the allowance but the interval is not, the check is
 * inconclusive: reported, not failed.
 */
public final class Gate {
    /** Bootstrap draws per relative check; the seed is fixed so the same runs always get the same verdict. */
    public static final int RESAMPLES = 2_000;
    private static final long SEED = 0x10AD1AB5EEDL;

    private Gate() {}

    /**
     * How strict the gate is beyond the spec.
     *
     * @param strict          an inconclusive check fails the gate
     * @param allowIncomplete an INVALID or interrupted run (or baseline) may pass; an empty or damaged one never does
     */
    public record Options(boolean strict, boolean allowIncomplete) {
        public static final Options DEFAULT = new Options(false, false);
    }

    public static GateVerdict judge(GateSpec spec, Path run, Path baseline) {
        return judge(spec, run, baseline == null ? List.of() : List.of(baseline), Options.DEFAULT);
    }

    public static GateVerdict judge(GateSpec spec, Path run, List<Path> baselines) {
        return judge(spec, run, baselines, Options.DEFAULT);
    }

    /**
     * @param baselines no run (absolute checks only), one run, or several runs of the same build
     *                  pooled, so that run-to-run variation widens the relative checks' intervals
     */
    public static GateVerdict judge(GateSpec spec, Path runDir, List<Path> baselineDirs, Options options) {
        if (spec.hasRelative() && baselineDirs.isEmpty()) {
            throw new IllegalArgumentException("the gate spec has relative checks; give the run to compare with as --baseline DIR");
        }
        if (CapacityGate.isCapacity(runDir)) return CapacityGate.judge(spec, runDir, baselineDirs, options);
        for (Check c : spec.checks()) {
            if (c.metric().kind() == Metric.Kind.CAPACITY) {
                throw new IllegalArgumentException("the check " + c.text() + " is for capacity searches, and " + runDir + " is a run directory");
            }
        }
        RunDirectory run = RunDirectory.open(runDir);
        List<RunDirectory> baselines = baselineDirs.stream().map(RunDirectory::open).toList();
        RunKind kind = run.kind();
        for (RunDirectory baseline : baselines) {
            if (baseline.kind() != kind) {
                throw new IllegalArgumentException("the baseline " + baseline.path() + " is a " + baseline.kind().id() + " run and " + runDir
                        + " a " + kind.id() + " run; gate like against like");
            }
        }
        for (Check c : spec.checks()) {
            if (c.onBench() != (kind == RunKind.BENCH)) {
                throw new IllegalArgumentException("the check " + c.text() + " is for " + (c.onBench() ? "bench" : "load") + " runs, and "
                        + runDir + " is a " + kind.id() + " run");
            }
        }
        List<CheckResult> states = new ArrayList<>();
        states.add(state(run, "the run", options));
        for (RunDirectory b : baselines) states.add(state(b, "the baseline", options));
        List<CheckResult> results = new ArrayList<>();
        boolean judgeable = run.state() != RunState.EMPTY && baselines.stream().noneMatch(b -> b.state() == RunState.EMPTY);
        if (judgeable && kind == RunKind.LOAD) {
            LoadEvidence r = LoadEvidence.read(run);
            LoadEvidence b = baselines.isEmpty() ? null : LoadEvidence.read(baselines);
            for (Check c : spec.checks()) {
                if (c.metric().ofFaults()) {
                    results.addAll(FaultGate.judge(c, run));
                    continue;
                }
                if (c.metric() == Metric.CHECK_FAILURES) {
                    results.addAll(CheckGate.judge(c, run));
                    continue;
                }
                if (c.metric().kind() == Metric.Kind.SERVER_TIMING) {
                    results.addAll(ServerTimingGate.judge(c, run));
                    continue;
                }
                for (String name : subjects(c, r, b)) results.add(c.kind() == Check.Kind.ABSOLUTE ? absolute(c, name, r, spec) : relative(c, name, r, b, spec));
            }
            if (spec.checks().stream().noneMatch(c -> c.metric() == Metric.CHECK_FAILURES)) results.addAll(CheckGate.implicit(run));
        } else if (judgeable) {
            BenchEvidence r = BenchEvidence.read(runDir);
            BenchEvidence b = baselines.isEmpty() ? null : BenchEvidence.read(baselineDirs);
            for (Check c : spec.checks()) {
                for (String key : benchmarks(c, r, b)) {
                    results.add(c.kind() == Check.Kind.ABSOLUTE ? absolute(c, r.results().get(key), key)
                            : relative(c, key, r.results().get(key), b.results().get(key), spec));
                }
            }
        }
        return new GateVerdict(runDir.toString(), baselineDirs.isEmpty() ? null : String.join(" + ", baselineDirs.stream().map(Path::toString).toList()),
                spec.confidence(), options.strict(), warnings(run, baselines), states, results);
    }

    /** Only a complete run describes its target: anything else fails the gate, naming why (or passes by explicit consent). */
    private static CheckResult state(RunDirectory run, String which, Options options) {
        RunState state = run.state();
        String what = which + " " + run.path() + " is " + (state == RunState.COMPLETE ? "complete" : state.id());
        if (state == RunState.COMPLETE) {
            return new CheckResult(Check.Kind.STATE, what, "", "complete", "", CheckResult.Verdict.PASS, "the run produced its load");
        }
        boolean consented = options.allowIncomplete() && (state == RunState.INVALID || state == RunState.INTERRUPTED);
        String reason = run.stateReason() + (consented ? "; allowed by --allow-incomplete"
                : state == RunState.EMPTY ? "; there is nothing to judge"
                : "; its figures do not describe the target under the intended load (--allow-incomplete judges it anyway)");
        return new CheckResult(Check.Kind.STATE, what, "", state.id(), "", consented ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL, reason);
    }

    /** Runs that differ in what they ran are compared at the reader's risk: say so. */
    private static List<String> warnings(RunDirectory run, List<RunDirectory> baselines) {
        List<String> out = new ArrayList<>();
        for (RunDirectory b : baselines) out.addAll(RunDifferences.between(b.manifest(), run.manifest(), b.path(), run.path()));
        return out;
    }

    // ---- which request names and benchmarks a check covers ----------------------------------

    private static List<String> subjects(Check c, LoadEvidence run, LoadEvidence base) {
        if (RequestHistograms.ALL.equals(c.request())) return List.of(RequestHistograms.ALL);
        RequestNamePattern glob = RequestNamePattern.of(c.request());
        List<String> names = run.names().stream().filter(n -> glob.matches(n)).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the check " + c.text() + " names request '" + c.request() + "', which " + run.dir()
                    + " does not have; it has " + String.join(", ", run.names()) + " (or \"*\" for all requests)");
        }
        if (base != null && c.kind() == Check.Kind.RELATIVE) {
            for (String n : names) {
                if (!base.has(n)) throw new IllegalArgumentException("the baseline " + base.dir() + " has no request '" + n + "' to compare with");
            }
        }
        return names;
    }

    private static List<String> benchmarks(Check c, BenchEvidence run, BenchEvidence base) {
        List<String> keys = run.results().keySet().stream().filter(k -> c.benchmark().matcher(k).find()).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the check " + c.text() + " matches no benchmark of " + run.dir() + "; it has "
                    + String.join(", ", run.results().values().stream().map(Gate::label).distinct().toList()));
        }
        if (base != null && c.kind() == Check.Kind.RELATIVE) {
            for (String k : keys) {
                if (!base.results().containsKey(k)) throw new IllegalArgumentException("the baseline " + base.dir() + " has no result for " + k);
            }
        }
        return keys;
    }

    // ---- load runs ----------------------------------------------------------------------------

    private static CheckResult absolute(Check c, String name, LoadEvidence run, GateSpec spec) {
        String what = c.metric().id() + " of " + label(name) + " " + c.bound().id() + " " + c.limit().text();
        if (c.metric() == Metric.ACHIEVED_RATE) {
            double achieved = run.summary().injector().achievedRate();
            Double target = run.summary().injector().targetRate();
            if (c.limit().ofTarget()) {
                if (target == null || target == 0) {
                    throw new IllegalArgumentException("the check " + c.text() + " needs a target rate, and " + run.dir() + " ran a closed model");
                }
                double share = achieved / target;
                boolean ok = c.bound().holds(share, c.limit().value());
                return new CheckResult(c.kind(), what, "", Figures.rate(achieved) + " of " + Figures.rate(target),
                        Percent.text(share) + " of the target", ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                        "achieved " + Percent.text(share) + " of the target rate, limit " + c.bound().id() + " " + c.limit().text());
            }
            boolean ok = c.bound().holds(achieved, c.limit().value());
            return new CheckResult(c.kind(), what, "", Figures.rate(achieved), "limit " + c.limit().text(), ok ? CheckResult.Verdict.PASS
                    : CheckResult.Verdict.FAIL, "achieved " + Figures.rate(achieved) + ", limit " + c.bound().id() + " " + c.limit().text());
        }
        double value = run.value(c.metric(), name);
        if (Double.isNaN(value)) return unmeasured(c, what, "", run.dir());
        double[] interval = interval(draws(run, c.metric(), name, seed(c, name)), spec.confidence());
        boolean ok = c.bound().holds(value, c.limit().value());
        String shown = format(c.metric(), value);
        return new CheckResult(c.kind(), what, "", shown + " " + bracket(format(c.metric(), interval[0]), format(c.metric(), interval[1])),
                "limit " + c.limit().text(), ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL,
                c.metric().id() + " of " + label(name) + " is " + shown + ", limit " + c.bound().id() + " " + c.limit().text());
    }

    private static CheckResult relative(Check c, String name, LoadEvidence run, LoadEvidence base, GateSpec spec) {
        String what = c.metric().id() + " of " + label(name) + " worse by at most " + Percent.text(c.allowed());
        boolean higherIsWorse = c.metric().higherIsWorse();
        double r = run.value(c.metric(), name);
        double b = base.value(c.metric(), name);
        if (Double.isNaN(r) || Double.isNaN(b)) return unmeasured(c, what, Double.isNaN(b) ? "" : format(c.metric(), b), Double.isNaN(r) ? run.dir() : base.dir());
        double[] runDraws = draws(run, c.metric(), name, seed(c, name));
        double[] baseDraws = draws(base, c.metric(), name, seed(c, name) ^ 0x9e3779b97f4a7c15L);
        return judgeChange(c, what, format(c.metric(), b), format(c.metric(), r), worsening(b, r, higherIsWorse),
                changes(baseDraws, runDraws, higherIsWorse), spec.confidence());
    }

    /** A time metric of a request name that had no successful request: nothing to judge, which is a failure, never a pass. */
    private static CheckResult unmeasured(Check c, String what, String baseline, Path where) {
        return new CheckResult(c.kind(), what, baseline, "none", "", CheckResult.Verdict.FAIL,
                where + " has no successful request of this name to measure " + c.metric().id() + " on");
    }

    private static double[] draws(LoadEvidence e, Metric m, String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) out[i] = e.value(m, name, e.resample(random));
        return out;
    }

    // ---- bench runs ---------------------------------------------------------------------------

    private static CheckResult absolute(Check c, BenchSummary.Result r, String key) {
        BenchScore scale = BenchScore.of(r.unit());
        String what = "score of " + label(r) + " " + c.bound().id() + " " + c.limit().text();
        if ("other".equals(scale.kind())) {
            throw new IllegalArgumentException("the check " + c.text() + " bounds " + key + ", whose unit " + r.unit()
                    + " is neither a time per operation nor a throughput");
        }
        double value = scale.base(BenchEvidence.mean(r));
        boolean ok = c.bound().holds(value, c.limit().value());
        return new CheckResult(c.kind(), what, "", scale.text(r.score(), r.error()), "limit " + c.limit().text(),
                ok ? CheckResult.Verdict.PASS : CheckResult.Verdict.FAIL, label(r) + " scored " + scale.text(r.score()) + ", limit "
                + c.bound().id() + " " + c.limit().text());
    }

    private static CheckResult relative(Check c, String key, BenchSummary.Result run, BenchSummary.Result base, GateSpec spec) {
        boolean higherIsWorse = run.higherIsWorse();
        String what = "score of " + label(run) + " worse by at most " + Percent.text(c.allowed());
        SplittableRandom rr = new SplittableRandom(seed(c, key));
        SplittableRandom rb = new SplittableRandom(seed(c, key) ^ 0x9e3779b97f4a7c15L);
        double[] runDraws = new double[RESAMPLES];
        double[] baseDraws = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            runDraws[i] = BenchEvidence.resampledMean(run, rr);
            baseDraws[i] = BenchEvidence.resampledMean(base, rb);
        }
        BenchScore scale = BenchScore.of(run.unit());
        return judgeChange(c, what, scale.text(base.score(), base.error()), scale.text(run.score(), run.error()),
                worsening(BenchEvidence.mean(base), BenchEvidence.mean(run), higherIsWorse), changes(baseDraws, runDraws, higherIsWorse),
                spec.confidence());
    }

    // ---- the statistics -----------------------------------------------------------------------

    /**
     * How much worse {@code run} is than {@code base}, as a share: run/base − 1 when higher is worse,
     * 1 − run/base when lower is. Zero against zero is no change; anything worse than a zero baseline is infinitely worse.
     */
    static double worsening(double base, double run, boolean higherIsWorse) {
        if (base == 0) return run == 0 ? 0 : (higherIsWorse ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        return higherIsWorse ? run / base - 1 : 1 - run / base;
    }

    private static double[] changes(double[] base, double[] run, boolean higherIsWorse) {
        double[] out = new double[base.length];
        for (int i = 0; i < out.length; i++) out[i] = worsening(base[i], run[i], higherIsWorse);
        return out;
    }

    /** The central {@code confidence} share of the draws: its lower and upper percentile. */
    static double[] interval(double[] draws, double confidence) {
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    private static double quantile(double[] sorted, double q) {
        int i = (int) Math.floor(q * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static CheckResult judgeChange(Check c, String what, String baseText, String runText, double point, double[] draws, double confidence) {
        double[] ci = interval(draws, confidence);
        String change = Percent.signed(point) + " " + bracket(Percent.signed(ci[0]), Percent.signed(ci[1]));
        String level = Math.round(confidence * 1000) / 10.0 + "%";
        CheckResult.Verdict verdict;
        String reason;
        if (ci[0] > c.allowed()) {
            verdict = CheckResult.Verdict.FAIL;
            reason = "worse by " + Percent.signed(point) + "; with " + level + " confidence by more than " + Percent.signed(ci[0]) + ", beyond the allowed "
                    + Percent.text(c.allowed());
        } else if (point > c.allowed()) {
            verdict = CheckResult.Verdict.INCONCLUSIVE;
            reason = "worse by " + Percent.signed(point) + " at best estimate, but the " + level + " interval reaches down to " + Percent.signed(ci[0])
                    + ": the runs are too noisy to tell; run longer to decide";
        } else if (!(ci[1] <= 2 * c.allowed())) {
            verdict = CheckResult.Verdict.INCONCLUSIVE;
            reason = "worse by " + Percent.signed(point) + " at best estimate, but the " + level + " interval reaches up to " + Percent.signed(ci[1])
                    + ", so a regression of twice the allowed " + Percent.text(c.allowed()) + " cannot be ruled out; run longer to decide";
        } else {
            verdict = CheckResult.Verdict.PASS;
            reason = "worse by " + Percent.signed(point) + ", within the allowed " + Percent.text(c.allowed());
        }
        return new CheckResult(c.kind(), what, baseText, runText, change, verdict, reason);
    }

    private static long seed(Check c, String subject) {
        return SEED ^ (31L * c.text().hashCode() + subject.hashCode());
    }

    // ---- words and numbers --------------------------------------------------------------------

    private static String label(String name) {
        return RequestHistograms.describe(name);
    }

    /** "FanoutOnWriteBenchmark.fanOut [backend=redis, followers=1000]": the summary's subject and the params. */
    private static String label(BenchSummary.Result r) {
        return r.params() == null || r.params().isEmpty() ? r.subject() : r.subject() + " [" + Figures.pairs(r.params()) + "]";
    }

    static String format(Metric m, double v) {
        return switch (m.kind()) {
            case LATENCY, SERVICE, SERVER_TIMING -> Micros.text(Math.round(v));
            case ERRORS, FAULT_ERRORS -> Percent.text(v);
            case RECOVERY -> String.format(Locale.ROOT, "%.1f s", v);
            case LOST_WRITES, CHECKS -> String.format(Locale.ROOT, "%,d", Math.round(v));
            case THROUGHPUT, ACHIEVED, CAPACITY -> Figures.rate(v);
            case BENCH -> String.valueOf(v);
        };
    }

    private static String bracket(String lo, String hi) {
        return "[" + lo + ", " + hi + "]";
    }
}
