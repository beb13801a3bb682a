package loadlab.injector.internal.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import loadlab.recording.FaultLog;
import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.faults.FaultSpec;
import loadlab.scenarios.faults.FaultAction;

/**
 * Carries out a fault schedule on the run's measured timeline: each fault's start action at its
 * time, its stop action at its end, on a thread of its own so a slow action never delays the load.
 * {@code faults.json} is rewritten after every action, so an interrupted run keeps what happened;
 * {@link #close()} clears every fault still active (and, when there is one, asks the admin API to
 * clear everything), so no fault outlives the run.
 */
public final class FaultRunner implements AutoCloseable {
    private final FaultSchedule schedule;
    private final FaultAction clearAll;
    private final Path runDir;
    private final FaultTimer timer;
    private final List<Runnable> pending = new ArrayList<>();
    private final FaultLog.Fault[] log;
    private final CompletableFuture<FaultLog> done = new CompletableFuture<>();
    private long zero = Long.MIN_VALUE;
    private boolean closed;

    /** @param clearAll an action that clears every fault at once, or null */
    public FaultRunner(FaultSchedule schedule, FaultAction clearAll, Path runDir) {
        this(schedule, clearAll, runDir, FaultTimer.system());
    }

    /** The same on a timer of the caller's, e.g. a clock moved by hand. */
    public FaultRunner(FaultSchedule schedule, FaultAction clearAll, Path runDir, FaultTimer timer) {
        this.schedule = schedule;
        this.clearAll = clearAll;
        this.runDir = runDir;
        this.timer = timer;
        this.log = new FaultLog.Fault[schedule.faults().size()];
        for (int i = 0; i < log.length; i++) {
            FaultSpec f = schedule.faults().get(i);
            log[i] = new FaultLog.Fault(f.name(), f.kind(), f.target(), seconds(f.at().toNanos()), seconds(f.length().toNanos()), null, null,
                    null, null, false);
        }
        write();
    }

    /** Starts the schedule from the measured timeline's zero (on the timer's clock: {@link System#nanoTime()} in a run); once. */
    public synchronized void start(long zeroNanos) {
        if (closed || zero != Long.MIN_VALUE) return;
        zero = zeroNanos;
        for (int i = 0; i < log.length; i++) {
            int k = i;
            FaultSpec f = schedule.faults().get(i);
            pending.add(timer.at(zero + f.at().toNanos(), () -> begin(k)));
            pending.add(timer.at(zero + f.end().toNanos(), () -> end(k, false)));
        }
    }

    private void begin(int i) {
        FaultSpec f = schedule.faults().get(i);
        double at;
        synchronized (this) {
            if (closed) return;
            at = seconds(timer.nanoTime() - zero);
        }
        FaultLog.Outcome outcome = FaultActions.run(f.start());
        synchronized (this) {
            FaultLog.Fault e = log[i];
            log[i] = new FaultLog.Fault(e.name(), e.kind(), e.target(), e.atS(), e.forS(), at, e.endedS(), outcome, e.stop(), e.cleared());
            write();
        }
    }

    private void end(int i, boolean early) {
        FaultSpec f = schedule.faults().get(i);
        FaultLog.Fault e;
        synchronized (this) {
            e = log[i];
            if (e.startedS() == null || e.endedS() != null) return;
        }
        double at = seconds(timer.nanoTime() - zero);
        FaultLog.Outcome outcome = f.stop() == null ? null : FaultActions.run(f.stop());
        synchronized (this) {
            double ended = f.stop() == null && !early ? Math.min(at, e.startedS() + e.forS()) : at;
            log[i] = new FaultLog.Fault(e.name(), e.kind(), e.target(), e.atS(), e.forS(), e.startedS(), ended, e.start(), outcome, early);
            write();
        }
    }

    /** The log so far. */
    public synchronized FaultLog log() {
        return new FaultLog(FaultLog.SCHEMA, List.of(log));
    }

    /** Cancels what has not started, ends what is active, and clears everything; safe to call more than once. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            pending.forEach(Runnable::run);
        }
        timer.shutdown(FaultAction.LIMIT.toSeconds() + 5);
        for (int i = 0; i < log.length; i++) end(i, true);
        if (clearAll != null && zero != Long.MIN_VALUE) FaultActions.run(clearAll);
        synchronized (this) {
            write();
        }
    }

    private void write() {
        FaultLog now = new FaultLog(FaultLog.SCHEMA, List.of(log));
        now.write(runDir);
        if (Arrays.stream(log).allMatch(f -> f.endedS() != null || closed && f.startedS() == null)) done.complete(now);
    }

    /** Completes with the log once every fault has ended (or, after {@link #close()}, never started). */
    public CompletableFuture<FaultLog> done() {
        return done;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
