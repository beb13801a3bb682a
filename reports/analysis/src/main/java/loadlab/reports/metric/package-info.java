/**
 * What a check, an SLO and a report measure, and the limits written against them: one {@link
 * loadlab.reports.metric.Metric} (its reading, and which way is worse) and one {@link
 * loadlab.reports.metric.Limit} parser (with its units), shared by the gate and the capacity search so
 * neither package needs the other for them.
 */
package loadlab.reports.metric;
