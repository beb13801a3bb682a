/**
 * The measurement core: every response time goes into an HdrHistogram recorder (microseconds,
 * three significant digits, 1 µs to 1 h), interval logs are streamed to disk in HdrHistogram's own
 * log format, and the run directory is written and read back here. It depends on nothing of
 * loadlab's, so anything that measures or analyses can share one exact definition of a run.
 * The recorders arrive with the load-run issue; this module exists now so the build has its final
 * shape.
 */
package loadlab.recording;
