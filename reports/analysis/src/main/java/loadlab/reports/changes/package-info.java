/**
 * Change points in a history of results: E-Divisive means as Apache Otava (formerly Hunter) finds
 * them, so a regression shows in the history of a benchmark, where one noisy pair of runs cannot
 * show it. Pure arithmetic over a series of values; the history store and the command line feed it.
 */
package loadlab.reports.changes;
