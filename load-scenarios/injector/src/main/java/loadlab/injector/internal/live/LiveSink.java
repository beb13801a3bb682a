package loadlab.injector.internal.live;

import java.util.function.Consumer;

import loadlab.recording.IntervalLog;

/**
 * One place a run's results go while it runs. It takes every second of the interval logs, as they
 * are written, and must never hold the run back: what it cannot deliver it counts and says at the end.
 */
public interface LiveSink extends Consumer<IntervalLog.Tick> {
    /**
     * Delivers what is left, within a bound of its own, and says in one line what became of it.
     *
     * @param runEnded false when the run was interrupted: nothing waits for a consumer then
     */
    String finish(boolean runEnded);
}
