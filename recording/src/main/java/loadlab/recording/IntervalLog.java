package loadlab.recording;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Streams a {@link RunRecorder}'s interval histograms to the run directory in HdrHistogram's own
 * log format: {@code latency.hlog} and {@code service.hlog} with one tagged histogram per request
 * name (successes) and per name and error cause (failures) per interval, {@code lag.hlog}
 * untagged. Each interval is flushed as it is written, so a run that is interrupted keeps everything
 * recorded up to its last interval. A write that fails (a full disk) is reported once to
 * {@code onFailure} and nothing more is written, so every interval already on disk stays whole.
 *
 * <p>The clock is the caller's: {@link #startTicking()} writes an interval every second on a
 * daemon thread; tests call {@link #writeInterval()} themselves instead of racing a timer.
 */
public final class IntervalLog implements AutoCloseable {
    /**
     * What one interval held, for live progress and {@code --abort-on}: successes' response times,
     * counts of requests and errors, arrivals (users or schedule slots started; 0 where the engine
     * records none), and each tag's histograms as written to the logs (read-only).
     */
    public record Tick(long startMillis, long endMillis, Histogram latency, long requests, long errors, long arrivals,
                       List<RunRecorder.Interval> intervals, Histogram lag, Histogram blocked) {}

    private final RunRecorder recorder;
    private final Writer latency;
    private final Writer service;
    private final Writer lag;
    /** Opened at the first interval with {@code Server-Timing} entries: a target without the header leaves no file. */
    private Writer serverTiming;
    private final Opener opener;
    private final long startMillis;
    private final Path directory;
    private final Consumer<Tick> listener;
    private final Consumer<String> onFailure;
    private ScheduledExecutorService clock;
    private ScheduledFuture<?> ticks;
    private boolean closed;
    private boolean failed;

    /** Remembers the first error of the stream under it; PrintStream would swallow it. */
    private static final class Guarded extends FilterOutputStream {
        IOException error;

        Guarded(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                if (error == null) error = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                if (error == null) error = e;
                throw e;
            }
        }
    }

    private static final class Writer {
        final Path file;
        final Guarded sink;
        final PrintStream out;
        final HistogramLogWriter log;

        Writer(Path file, Opener opener, long startMillis, String comment) throws IOException {
            this.file = file;
            sink = new Guarded(opener.open(file));
            out = new PrintStream(sink, false, StandardCharsets.UTF_8);
            log = new HistogramLogWriter(out);
            log.outputComment(comment);
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
            out.flush();
        }

        /** One sentence when this log could not be written, else null. */
        String problem() {
            out.flush();
            if (!out.checkError()) return null;
            String why = sink.error == null ? "the write failed" : sink.error.getMessage();
            return "cannot write " + file + " (" + why + "); free some space or choose another --out";
        }
    }

    /** Opens a log file for writing; the file-system seam tests use to make a disk fill up mid-run. */
    interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    public IntervalLog(RunRecorder recorder, Path directory, long startMillis, Consumer<Tick> listener, Consumer<String> onFailure) {
        this(recorder, directory, startMillis, listener, onFailure, file -> new FileOutputStream(file.toFile()));
    }

    IntervalLog(RunRecorder recorder, Path directory, long startMillis, Consumer<Tick> listener, Consumer<String> onFailure, Opener opener) {
        this.recorder = recorder;
        this.listener = listener;
        this.onFailure = onFailure;
        this.directory = directory;
        this.opener = opener;
        this.startMillis = startMillis;
        try {
            latency = new Writer(directory.resolve(RunDirectory.LATENCY), opener, startMillis, "loadlab response time from the intended start, microseconds");
            service = new Writer(directory.resolve(RunDirectory.SERVICE), opener, startMillis, "loadlab service time from the actual send, microseconds");
            lag = new Writer(directory.resolve(RunDirectory.LAG), opener, startMillis, "loadlab injector lag: actual minus intended start, microseconds");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write interval logs in " + directory + ": " + e.getMessage(), e);
        }
        String problem = firstProblem();
        if (problem != null) throw new UncheckedIOException(problem, new IOException(problem));
    }

    /** Writes an interval every second on a daemon thread until {@link #close()}. */
    public synchronized IntervalLog startTicking() {
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadlab-interval-log");
            t.setDaemon(true);
            return t;
        });
        ticks = clock.scheduleAtFixedRate(this::writeInterval, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /**
     * Moves the ticks onto the measured timeline: one at {@code zeroNanos} ({@link System#nanoTime()}
     * clock) and every whole second before and after it, so each interval of the measured run is one
     * second of its timeline, which per-second figures, fault windows and the report's buckets read.
     */
    public synchronized void alignTo(long zeroNanos) {
        if (clock == null || closed) return;
        ticks.cancel(false);
        long second = TimeUnit.SECONDS.toNanos(1);
        ticks = clock.scheduleAtFixedRate(this::writeInterval, Math.floorMod(zeroNanos - System.nanoTime(), second), second, TimeUnit.NANOSECONDS);
    }

    /** Takes and writes one interval; called every second and once more at close. */
    public synchronized void writeInterval() {
        if (closed || failed) return;
        List<RunRecorder.Interval> intervals = recorder.takeIntervals();
        Histogram total = Histograms.empty();
        long errors = 0;
        long start = Long.MAX_VALUE;
        long end = 0;
        for (RunRecorder.Interval i : intervals) {
            start = Math.min(start, i.latency().getStartTimeStamp());
            end = Math.max(end, i.latency().getEndTimeStamp());
            if (i.latency().getTotalCount() == 0) continue;
            i.latency().setTag(i.tag());
            i.service().setTag(i.tag());
            latency.log.outputIntervalHistogram(i.latency());
            service.log.outputIntervalHistogram(i.service());
            if (RequestName.isErrorTag(i.tag())) errors += i.latency().getTotalCount();
            else total.add(i.latency());
        }
        Histogram lagInterval = recorder.takeLagInterval();
        if (lagInterval.getTotalCount() > 0) lag.log.outputIntervalHistogram(lagInterval);
        List<Histogram> timings = recorder.takeServerTimingIntervals();
        if (!timings.isEmpty() && serverTiming == null && !failed) {
            try {
                serverTiming = new Writer(directory.resolve(RunDirectory.SERVER_TIMING), opener, startMillis,
                        "loadlab Server-Timing entries of successful and failed responses, tag request/entry, microseconds");
            } catch (IOException e) {
                failed = true;
                if (onFailure != null) onFailure.accept("cannot write " + directory.resolve(RunDirectory.SERVER_TIMING) + ": " + e.getMessage());
                return;
            }
        }
        for (Histogram h : timings) serverTiming.log.outputIntervalHistogram(h);
        Histogram blockedInterval = recorder.takeBlockedInterval();
        if (blockedInterval.getTotalCount() > 0) {
            blockedInterval.setStartTimeStamp(lagInterval.getStartTimeStamp());
            blockedInterval.setEndTimeStamp(lagInterval.getEndTimeStamp());
            blockedInterval.setTag(RunDirectory.BLOCKED);
            lag.log.outputIntervalHistogram(blockedInterval);
        }
        String problem = firstProblem();
        if (problem == null && recorder.writes() != null) problem = recorder.writes().flush();
        if (problem == null && recorder.hasChecks()) {
            try {
                RunFiles.write(directory.resolve(CheckLog.FILE), recorder.checks());
            } catch (UncheckedIOException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            failed = true;
            if (onFailure != null) onFailure.accept(problem);
            return;
        }
        // a tick before any request has ended (the first arrival fires on the aligned tick) has no interval to carry
        // its arrivals; they stay with the recorder for the next tick, so the live outputs' arrivals add up to the run
        if (listener != null && start != Long.MAX_VALUE) {
            listener.accept(new Tick(start, end, total, total.getTotalCount() + errors, errors, recorder.takeArrivals(), List.copyOf(intervals),
                    lagInterval, blockedInterval));
        }
    }

    private String firstProblem() {
        for (Writer w : List.of(latency, service, lag)) {
            String p = w.problem();
            if (p != null) return p;
        }
        return serverTiming == null ? null : serverTiming.problem();
    }

    /** Whether a write failed; the logs then hold every interval up to the failure, whole. */
    public synchronized boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        ScheduledExecutorService c;
        synchronized (this) {
            c = clock;
        }
        if (c != null) {
            c.shutdownNow();
            try {
                c.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeInterval();
        synchronized (this) {
            closed = true;
            latency.out.close();
            service.out.close();
            lag.out.close();
            if (serverTiming != null) serverTiming.out.close();
            if (recorder.writes() != null) recorder.writes().close();
        }
    }
}
