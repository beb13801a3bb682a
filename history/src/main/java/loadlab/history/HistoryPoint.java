package loadlab.history;

import java.time.Instant;

import loadlab.recording.RunState;

/**
 * One figure of one run in a series: what detection reads. A series is a testbed's scenario (or
 * benchmark) and request name; its points are ordered by commit time.
 *
 * @param series   e.g. {@code load:http-get/*}, {@code bench:loadlab.benchmarks.X.y}, {@code capacity:timeline}
 * @param metric   a gate metric's id: {@code p99}, {@code throughput}, {@code score}, {@code sustainable-rate}
 * @param low      the low end of the figure's interval (a benchmark's 99.9% interval, a capacity bracket), or null
 * @param high     its high end, or null
 * @param runId    the run directory's name, unique per run
 * @param runState only complete runs count in detection; the others are kept, flagged
 * @param higherIsWorse which way a change is a regression (a time up, a throughput or score per second down)
 */
public record HistoryPoint(String testbed, String series, String metric, double value, Double low, Double high, String commit,
                           String branch, Instant commitTime, String runId, RunState runState, boolean higherIsWorse) {
    public boolean counts() {
        return runState == RunState.COMPLETE;
    }
}
