package loadlab.reports.capacity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import loadlab.recording.Summary;
import loadlab.reports.metric.Limit;
import loadlab.reports.metric.Metric;

/**
 * A service-level objective a capacity step must meet, as written on the command line:
 * {@code 'p99 <= 50ms'}, {@code 'error-rate <= 0.1%'}. Metrics and units are the gate's
 * ({@link Metric}, {@link Limit}); only those that judge the target apply (response and service
 * times, the error rate), not throughput, which the search itself varies.
 *
 * @param inclusive {@code <=} rather than {@code <}
 */
public record Slo(Metric metric, boolean inclusive, Limit limit, String text) {
    private static final Pattern FORM = Pattern.compile("\\s*([a-z0-9.\\-]+)\\s*(<=|<)\\s*(.+?)\\s*");

    /** The error budget a search uses when the user sets none: a target that answers fast with errors is not keeping up. */
    public static final String DEFAULT_ERROR_BUDGET = "error-rate <= 0.1%";

    public static Slo parse(String text) {
        String where = "--slo '" + text + "'";
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(where + " is not METRIC <= VALUE; write it like 'p99 <= 50ms' or 'error-rate <= 0.1%'");
        }
        Metric metric = Metric.parse(m.group(1), where);
        if (metric.kind() != Metric.Kind.LATENCY && metric.kind() != Metric.Kind.SERVICE && metric.kind() != Metric.Kind.ERRORS) {
            throw new IllegalArgumentException(where + ": an SLO limits a response time or the error rate, not " + metric.id()
                    + "; the search varies the rate itself");
        }
        Limit limit = Limit.parse(m.group(3), metric, where);
        return new Slo(metric, m.group(2).equals("<="), limit, m.group(1) + " " + m.group(2) + " " + m.group(3));
    }

    /** This SLO's metric over a run's totals: microseconds or a share; NaN when there is no successful request to time. */
    public double value(Summary.Stats total) {
        if (metric.kind() == Metric.Kind.ERRORS) return total.errorRate();
        Summary.Distribution d = metric.kind() == Metric.Kind.SERVICE ? total.serviceTimeUs() : total.latencyUs();
        if (d == null || d.count() == 0) return Double.NaN;
        return switch (metric) {
            case P50, SERVICE_P50 -> d.p50();
            case P90, SERVICE_P90 -> d.p90();
            case P95, SERVICE_P95 -> d.p95();
            case P99, SERVICE_P99 -> d.p99();
            case P999, SERVICE_P999 -> d.p999();
            case P9999 -> d.p9999();
            case MAX -> d.max();
            case MEAN, SERVICE_MEAN -> d.mean();
            default -> throw new IllegalStateException(metric.id());
        };
    }

    public boolean holds(double value) {
        if (Double.isNaN(value)) return false;
        return inclusive ? value <= limit.value() : value < limit.value();
    }

    public boolean isErrorBudget() {
        return metric.kind() == Metric.Kind.ERRORS;
    }
}
