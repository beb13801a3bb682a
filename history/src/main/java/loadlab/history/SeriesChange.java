package loadlab.history;

import loadlab.reports.changes.ChangePoint;

/**
 * A change point of one stored series, placed in its history: the first point after the change
 * (its commit and time) and whether the change is a regression for that metric.
 *
 * @param at         the first point of the new segment
 * @param regression the mean moved the worse way (up for a time, down for a rate or a score per second)
 */
public record SeriesChange(String testbed, String series, String metric, ChangePoint change, HistoryPoint at, boolean regression) {}
