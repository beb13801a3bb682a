package loadlab.recording;

import java.util.Map;

/**
 * {@code summary.json}: per request name and in total, counts, errors by cause, throughput and the
 * response-time and service-time distributions (microseconds); the injector's health. Percentiles
 * come only from histograms that were added up, never from averaging percentiles.
 */
public record Summary(String schema, Run run, Injector injector, Stats total, Map<String, Stats> requests) {
    public static final String SCHEMA = "loadlab.summary/1";

    public record Run(String scenario, String target, Map<String, Object> profile, String model, String started, String ended,
                      double measuredSeconds, boolean interrupted) {}

    /**
     * @param targetRate   requests per second the profile asked for in the measured window (null for a closed model)
     * @param achievedRate requests per second completed in the measured window
     * @param lagP99Us     99th percentile of how late requests were started against the schedule
     * @param verdict      "ok", or "invalid" when the generator could not keep up, with the reason
     */
    public record Injector(Double targetRate, double achievedRate, long lagP99Us, long lagMaxUs, String verdict, String reason) {}

    public record Stats(long count, Errors errors, double throughput, Distribution latencyUs, Distribution serviceTimeUs) {}

    public record Errors(long total, Map<String, Long> byCause) {}

    public record Distribution(long min, double mean, long p50, long p90, long p99, long p999, long p9999, long max) {
        public static Distribution of(org.HdrHistogram.Histogram h) {
            if (h.getTotalCount() == 0) return new Distribution(0, 0, 0, 0, 0, 0, 0, 0);
            return new Distribution(h.getMinValue(), Math.round(h.getMean() * 10) / 10.0, h.getValueAtPercentile(50),
                    h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                    h.getValueAtPercentile(99.99), h.getMaxValue());
        }
    }
}
