package loadlab.injector.internal.run;

import java.io.PrintStream;
import java.util.Locale;

import loadlab.injector.internal.live.ScheduledRate;
import loadlab.recording.IntervalLog;
import loadlab.recording.Micros;
import loadlab.recording.Summary;

/**
 * Live progress of a run: on a terminal one line rewritten every second; otherwise a plain line
 * every five seconds, so CI logs stay short.
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final long warmupSeconds;
    private final long totalSeconds;
    private final ScheduledRate schedule;
    private final long startMillis;
    private long errors;
    private long lastPrinted = -1;

    /** @param schedule what the schedule asks for each second, or null for a closed model */
    Progress(PrintStream out, boolean terminal, long warmupSeconds, long totalSeconds, ScheduledRate schedule, long startMillis) {
        this.out = out;
        this.terminal = terminal;
        this.warmupSeconds = warmupSeconds;
        this.totalSeconds = totalSeconds;
        this.schedule = schedule;
        this.startMillis = startMillis;
    }

    synchronized void tick(IntervalLog.Tick tick) {
        long elapsed = Math.min(totalSeconds, Math.max(0, (tick.endMillis() - startMillis) / 1000));
        errors += tick.errors();
        double seconds = Math.max(0.001, (tick.endMillis() - tick.startMillis()) / 1000.0);
        String phase = elapsed <= warmupSeconds ? " (warm-up, not counted)" : "";
        // the target counts arrivals; a journey sends several requests each, which are shown apart, never against the target
        boolean apart = schedule != null && tick.arrivals() > 0 && Summary.Injector.apart(tick.arrivals(), tick.requests());
        double achievedPerS = (schedule != null && tick.arrivals() > 0 ? tick.arrivals() : tick.requests()) / seconds;
        String achieved = apart ? String.format(Locale.ROOT, "arrivals %.1f/s  requests %.1f/s", tick.arrivals() / seconds,
                tick.requests() / seconds) : String.format(Locale.ROOT, "achieved %.1f/s", achievedPerS);
        String line = String.format(Locale.ROOT, "[%4ds/%ds] target %s  %s  p99 %s  errors %d%s", elapsed, totalSeconds,
                schedule == null ? "closed" : String.format(Locale.ROOT, "%d/s", schedule.at(Math.min(tick.endMillis(), schedule.endMillis()))),
                achieved,
                tick.latency().getTotalCount() == 0 ? "–" : Micros.text(tick.latency().getValueAtPercentile(99)), errors, phase);
        if (terminal) {
            out.print("\r" + line + "    ");
            out.flush();
        } else if (lastPrinted < 0 || elapsed - lastPrinted >= 5) {
            out.println(line);
            lastPrinted = elapsed;
        }
    }

    synchronized void done() {
        if (terminal) out.println();
    }
}
