package loadlab.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The path every request takes: its response time from the intended start (so a stalled target
 * cannot hide behind a generator that waited for it), its service time from the actual send, and
 * the injector's lag, each into an HdrHistogram {@link Recorder}. A failed request goes into its
 * name's failure channel for its cause, never into the successes, so an instant refusal cannot
 * make the response times look faster. Recording is wait-free; an
 * {@link IntervalLog} takes interval snapshots and streams them to disk, so memory stays flat.
 *
 * <p>Requests intended to start before {@code countFromNanos} (the warm-up) are run but not counted.
 */
public final class RunRecorder {
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Recorder lag = Histograms.recorder();
    private final Recorder blocked = Histograms.recorder();
    private final LongAdder arrivals = new LongAdder();
    private volatile long countFromNanos;
    private volatile long countFromMillis;
    private volatile WriteLog writes;
    private final Map<String, Recorder> timings = new ConcurrentHashMap<>();
    private static final Pattern FANOUT_COUNT = Pattern.compile("\\d{1,6}");

    /** The recorders of one request name (or one name and error cause). */
    static final class Channel {
        final String tag;
        final Recorder latency = Histograms.recorder();
        final Recorder service = Histograms.recorder();

        Channel(String tag) {
            this.tag = tag;
        }
    }

    /** An interval's histograms of one tag; empty histograms are included. */
    public record Interval(String tag, Histogram latency, Histogram service) {}

    public RunRecorder(long countFromNanos) {
        countFrom(countFromNanos);
    }

    /**
     * A response's {@code Server-Timing} header (null when it had none), request {@code tag}: each
     * entry's duration (µs) into its own histogram, tag {@code request/entry}; a malformed header is
     * counted apart and never fatal. Entries without a duration (a description only) are not timed;
     * {@code fanout;desc=N} (N calls made in parallel) is kept as N under the request's fan-out tag.
     */
    public void recordServerTiming(String tag, long intendedNanos, String header) {
        if (header == null || !counts(intendedNanos)) return;
        List<ServerTimingHeader.Entry> entries = ServerTimingHeader.parse(header);
        if (entries == null) {
            timing(RequestName.malformedTimingTag(tag)).recordValue(0);
            return;
        }
        for (ServerTimingHeader.Entry e : entries) {
            if (ServerTimingHeader.FANOUT.equals(e.name()) && e.desc() != null && FANOUT_COUNT.matcher(e.desc()).matches()) {
                timing(RequestName.fanoutTag(tag)).recordValue(Long.parseLong(e.desc()));
                continue;
            }
            if (Double.isNaN(e.durMs())) continue;
            timing(RequestName.timingTag(tag, RequestName.tag(e.name()))).recordValue(Math.min(Histograms.HIGHEST_US, Math.round(e.durMs() * 1000)));
        }
    }

    private Recorder timing(String tag) {
        Recorder r = timings.get(tag);
        return r != null ? r : timings.computeIfAbsent(tag, t -> Histograms.recorder());
    }

    /** The interval's {@code Server-Timing} histograms, tagged, leaving out those that recorded nothing. */
    public List<Histogram> takeServerTimingIntervals() {
        List<Histogram> out = new ArrayList<>();
        timings.forEach((tag, r) -> {
            Histogram h = r.getIntervalHistogram();
            if (h.getTotalCount() == 0) return;
            h.setTag(tag);
            out.add(h);
        });
        out.sort(Comparator.comparing(Histogram::getTag));
        return out;
    }

    /** Where the writes the run attempts go, warm-up included (an acknowledgement is one whenever it came); set before the load. */
    public void recordWritesTo(WriteLog log) {
        this.writes = log;
    }

    /** The run's write history; null when nothing records one. */
    public WriteLog writes() {
        return writes;
    }

    public void countFrom(long nanos) {
        this.countFromNanos = nanos;
        this.countFromMillis = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + Math.round((nanos - System.nanoTime()) / 1e6);
        LongConsumer listener = this.countingListener;
        if (listener != null && nanos != Long.MAX_VALUE) listener.accept(nanos);
    }

    private volatile LongConsumer countingListener;

    /** Told the time zero of the measured timeline ({@link System#nanoTime()} clock) when the engine fixes it: what a fault schedule runs on. */
    public void whenCounting(LongConsumer listener) {
        this.countingListener = listener;
    }

    /**
     * When counting starts, as epoch milliseconds: the time zero of the run's timeline. It is known
     * only once the schedule's own time zero is, which is later than the process start by however
     * long the load generator took to boot.
     */
    public long countFromMillis() {
        return countFromMillis;
    }

    public boolean counts(long intendedNanos) {
        return intendedNanos - countFromNanos >= 0;
    }

    /**
     * Records one request.
     *
     * @param intendedNanos when the schedule said it should start ({@link System#nanoTime()} clock)
     * @param sentNanos     when it was actually handed to the HTTP client
     * @param endNanos      when the response (or the failure) arrived
     * @param cause         null for a success
     */
    public void record(String tag, long intendedNanos, long sentNanos, long endNanos, ErrorCause cause) {
        if (!counts(intendedNanos)) return;
        long latencyUs = Histograms.micros(endNanos - intendedNanos);
        long serviceUs = Histograms.micros(endNanos - sentNanos);
        Channel c = channel(cause == null ? tag : RequestName.errorTag(tag, cause));
        c.latency.recordValue(latencyUs);
        c.service.recordValue(serviceUs);
    }

    /** Records how late the generator started a request against its schedule. */
    public void recordLag(long intendedNanos, long actualNanos) {
        if (!counts(intendedNanos)) return;
        arrivals.increment();
        lag.recordValue(Histograms.micros(Math.max(0, actualNanos - intendedNanos)));
    }

    /**
     * Records how long a request waited for a free connection after it was started (the request
     * engine's connection limit); the wait is already part of its response time.
     */
    public void recordBlocked(long intendedNanos, long waitedNanos) {
        if (!counts(intendedNanos)) return;
        blocked.recordValue(Histograms.micros(Math.max(0, waitedNanos)));
    }

    /** One check's counts as they grow; order of first appearance kept, so checks read as the user wrote them. */
    private static final class Tally {
        final int order;
        final LongAdder passes = new LongAdder();
        final LongAdder fails = new LongAdder();
        final Map<String, LongAdder> messages = new ConcurrentHashMap<>();

        Tally(int order) {
            this.order = order;
        }
    }

    private final Map<String, Map<String, Tally>> checks = new ConcurrentHashMap<>();
    private final AtomicInteger checkOrder = new AtomicInteger();
    private volatile boolean anyCheck;

    /**
     * Records one evaluation of a named check on a response of request {@code tag}.
     *
     * @param failure why it failed in one line, or null when it held
     */
    public void recordCheck(String tag, String check, long intendedNanos, String failure) {
        if (!counts(intendedNanos)) return;
        anyCheck = true;
        Tally t = checks.computeIfAbsent(tag, k -> new ConcurrentHashMap<>()).computeIfAbsent(check, k -> new Tally(checkOrder.getAndIncrement()));
        if (failure == null) {
            t.passes.increment();
            return;
        }
        t.fails.increment();
        String message = failure.length() > 200 ? failure.substring(0, 199) + "…" : failure;
        LongAdder n = t.messages.get(message);
        if (n == null && t.messages.size() >= CheckCount.MAX_MESSAGES - 1) message = CheckCount.OTHER_MESSAGES;
        t.messages.computeIfAbsent(message, k -> new LongAdder()).increment();
    }

    /** Whether any check was counted: a run without checks writes no {@link CheckLog}. */
    public boolean hasChecks() {
        return anyCheck;
    }

    /** The checks counted so far, per request name. */
    public CheckLog checks() {
        Map<String, List<CheckCount>> out = new TreeMap<>();
        checks.forEach((tag, byName) -> {
            List<Map.Entry<String, Tally>> entries = new ArrayList<>(byName.entrySet());
            entries.sort(Comparator.comparingInt(e -> e.getValue().order));
            List<CheckCount> list = new ArrayList<>();
            for (Map.Entry<String, Tally> e : entries) {
                Map<String, Long> messages = new TreeMap<>();
                e.getValue().messages.forEach((m, n) -> messages.put(m, n.sum()));
                list.add(new CheckCount(e.getKey(), e.getValue().passes.sum(), e.getValue().fails.sum(), messages));
            }
            out.put(tag, list);
        });
        return CheckLog.of(out);
    }

    private Channel channel(String tag) {
        Channel c = channels.get(tag);
        return c != null ? c : channels.computeIfAbsent(tag, Channel::new);
    }

    /** Takes each tag's interval histograms since the last call (the recorders start a new interval). */
    public List<Interval> takeIntervals() {
        List<Interval> out = new ArrayList<>(channels.size());
        for (Channel c : channels.values()) {
            out.add(new Interval(c.tag, c.latency.getIntervalHistogram(), c.service.getIntervalHistogram()));
        }
        out.sort(Comparator.comparing(Interval::tag));
        return out;
    }

    /**
     * Measured arrivals started since the last call: what the live line sets against the target.
     * Warm-up arrivals are left out, as their requests are, so the arrivals of all ticks are the run's.
     */
    public long takeArrivals() {
        return arrivals.sumThenReset();
    }

    public Histogram takeLagInterval() {
        return lag.getIntervalHistogram();
    }

    public Histogram takeBlockedInterval() {
        return blocked.getIntervalHistogram();
    }
}
