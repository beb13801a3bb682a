package loadlab.recording;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Streams a {@link RunRecorder}'s interval histograms to the run directory once a second, in
 * HdrHistogram's own log format: {@code latency.hlog} and {@code service.hlog} with one tagged
 * histogram per request name per interval, {@code lag.hlog} untagged. Each interval is flushed as
 * it is written, so a run that is interrupted keeps everything recorded up to its last second.
 */
public final class IntervalLog implements AutoCloseable {
    public static final String LATENCY = "latency.hlog";
    public static final String SERVICE = "service.hlog";
    public static final String LAG = "lag.hlog";

    /** What one interval held, for live progress. */
    public record Tick(long startMillis, long endMillis, Histogram latency, long requests, long errors) {}

    private final RunRecorder recorder;
    private final Writer latency;
    private final Writer service;
    private final Writer lag;
    private final Consumer<Tick> listener;
    private final ScheduledExecutorService clock;
    private boolean closed;

    private static final class Writer {
        final PrintStream out;
        final HistogramLogWriter log;

        Writer(Path file, long startMillis, String comment) throws IOException {
            out = new PrintStream(new FileOutputStream(file.toFile()), false, "UTF-8");
            log = new HistogramLogWriter(out);
            log.outputComment(comment);
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
            out.flush();
        }
    }

    public IntervalLog(RunRecorder recorder, Path directory, long startMillis, Consumer<Tick> listener) {
        this.recorder = recorder;
        this.listener = listener;
        try {
            latency = new Writer(directory.resolve(LATENCY), startMillis, "loadlab response time from the intended start, microseconds");
            service = new Writer(directory.resolve(SERVICE), startMillis, "loadlab service time from the actual send, microseconds");
            lag = new Writer(directory.resolve(LAG), startMillis, "loadlab injector lag: actual minus intended start, microseconds");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write interval logs in " + directory + ": " + e.getMessage(), e);
        }
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadlab-interval-log");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(this::writeInterval, 1, 1, TimeUnit.SECONDS);
    }

    /** Takes and writes one interval; called every second and once more at close. */
    public synchronized void writeInterval() {
        if (closed) return;
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
        latency.out.flush();
        service.out.flush();
        lag.out.flush();
        if (listener != null && start != Long.MAX_VALUE) listener.accept(new Tick(start, end, total, total.getTotalCount(), errors));
    }

    @Override
    public void close() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeInterval();
        synchronized (this) {
            closed = true;
            latency.out.close();
            service.out.close();
            lag.out.close();
        }
    }
}
