package loadlab.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * Computes {@code summary.json} from a run directory's interval logs and manifest, by adding the
 * interval histograms up. The same code summarises a finished run, an interrupted one, and runs
 * merged from several injectors.
 */
public final class RunSummarizer {
    /** Below this share of the target rate the generator did not produce the load it claims. */
    public static final double MIN_ACHIEVED_SHARE = 0.95;
    /** Above this 99th-percentile start lag the schedule was not kept, microseconds. */
    public static final long MAX_LAG_P99_US = 10_000;

    private RunSummarizer() {}

    public static Summary summarize(Path dir) {
        RunManifest m = RunFiles.read(dir.resolve(RunManifest.FILE), RunManifest.class);
        Map<String, Histogram> latency = IntervalLogReader.totals(dir.resolve(IntervalLog.LATENCY));
        Map<String, Histogram> service = IntervalLogReader.totals(dir.resolve(IntervalLog.SERVICE));
        Histogram lag = Files.exists(dir.resolve(IntervalLog.LAG))
                ? IntervalLogReader.totals(dir.resolve(IntervalLog.LAG)).getOrDefault("", Histograms.empty()) : Histograms.empty();
        double seconds = m.measuredSeconds() > 0 ? m.measuredSeconds() : spanSeconds(dir, m);

        Map<String, Map<String, Long>> errors = new TreeMap<>();
        for (Map.Entry<String, Histogram> e : latency.entrySet()) {
            if (!RequestName.isErrorTag(e.getKey())) continue;
            errors.computeIfAbsent(RequestName.requestOf(e.getKey()), k -> new TreeMap<>())
                    .put(RequestName.causeOf(e.getKey()).id(), e.getValue().getTotalCount());
        }
        Histogram totalLatency = Histograms.empty();
        Histogram totalService = Histograms.empty();
        Map<String, Long> totalErrors = new TreeMap<>();
        Map<String, Summary.Stats> requests = new LinkedHashMap<>();
        for (Map.Entry<String, Histogram> e : latency.entrySet()) {
            String tag = e.getKey();
            if (RequestName.isErrorTag(tag)) continue;
            Histogram svc = service.getOrDefault(tag, Histograms.empty());
            Map<String, Long> byCause = errors.getOrDefault(tag, Map.of());
            requests.put(tag, stats(e.getValue(), svc, byCause, seconds));
            totalLatency.add(e.getValue());
            totalService.add(svc);
            byCause.forEach((cause, n) -> totalErrors.merge(cause, n, Long::sum));
        }
        Summary.Stats total = stats(totalLatency, totalService, totalErrors, seconds);
        return new Summary(Summary.SCHEMA,
                new Summary.Run(m.scenario(), m.target(), m.profile(), m.model(), m.started(), m.ended(), round(seconds), m.interrupted()),
                injector(m, total, lag, seconds), total, requests);
    }

    private static Summary.Stats stats(Histogram latency, Histogram service, Map<String, Long> byCause, double seconds) {
        long errors = byCause.values().stream().mapToLong(Long::longValue).sum();
        double throughput = seconds > 0 ? round(latency.getTotalCount() / seconds) : 0;
        return new Summary.Stats(latency.getTotalCount(), new Summary.Errors(errors, Map.copyOf(byCause)), throughput,
                Summary.Distribution.of(latency), Summary.Distribution.of(service));
    }

    private static Summary.Injector injector(RunManifest m, Summary.Stats total, Histogram lag, double seconds) {
        double achieved = seconds > 0 ? round(total.count() / seconds) : 0;
        long lagP99 = lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99);
        String verdict = "ok";
        String reason = null;
        if (m.targetRate() != null && m.targetRate() > 0 && achieved < MIN_ACHIEVED_SHARE * m.targetRate()) {
            verdict = "invalid";
            reason = String.format("achieved %.1f/s of the %.1f/s target (below %.0f%%)", achieved, m.targetRate(), MIN_ACHIEVED_SHARE * 100);
        } else if (lagP99 > MAX_LAG_P99_US) {
            verdict = "invalid";
            reason = String.format("the generator started requests late: lag p99 %d µs (above %d µs)", lagP99, MAX_LAG_P99_US);
        }
        return new Summary.Injector(m.targetRate(), achieved, lagP99, lag.getTotalCount() == 0 ? 0 : lag.getMaxValue(), verdict, reason);
    }

    private static double spanSeconds(Path dir, RunManifest m) {
        long[] end = {m.measureFromMillis()};
        IntervalLogReader.forEach(dir.resolve(IntervalLog.LATENCY), e -> end[0] = Math.max(end[0], e.endMillis()));
        return Math.max(0, (end[0] - m.measureFromMillis()) / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
