/**
 * The measurement core: every response time goes into an HdrHistogram recorder (microseconds,
 * three significant digits, 1 µs to 1 h; {@link loadlab.recording.RunRecorder}), interval logs are
 * streamed to disk in HdrHistogram's own format ({@link loadlab.recording.IntervalLog}), and the run
 * directory is written, summarised and merged here by adding histograms, never by averaging
 * percentiles. It depends on nothing of loadlab's, so anything that measures or analyses shares one
 * exact definition of a run.
 */
package loadlab.recording;
