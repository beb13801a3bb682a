/**
 * Everything that reads a run directory and never runs load: summaries, comparisons, the
 * statistics behind gate verdicts, and the self-contained HTML report. The run directory is the
 * only contract with the measuring side, so a run from another machine reads the same.
 * The readers arrive with the report and gate issues.
 */
package loadlab.reports;
