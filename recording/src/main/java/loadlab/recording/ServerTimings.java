package loadlab.recording;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * {@code server-timing.hlog} added up: per request name, one histogram per {@code Server-Timing}
 * entry (store, cache, ...), and how many of its responses carried a malformed header. The one
 * reader of the log's tags ({@link RequestName#timingTag}).
 */
public final class ServerTimings {
    private final Map<String, Map<String, Histogram>> entries = new TreeMap<>();
    private final Map<String, Long> malformed = new TreeMap<>();
    private final Map<String, Histogram> fanout = new TreeMap<>();

    public void add(IntervalLogReader.Entry e) {
        String request = RequestName.timingRequestOf(e.name());
        String entry = RequestName.timingEntryOf(e.name());
        if (RequestName.isMalformedTiming(entry)) malformed.merge(request, e.histogram().getTotalCount(), Long::sum);
        else if (RequestName.isFanout(entry)) fanout.computeIfAbsent(request, r -> Histograms.empty()).add(e.histogram());
        else entries.computeIfAbsent(request, r -> new TreeMap<>()).computeIfAbsent(entry, n -> Histograms.empty()).add(e.histogram());
    }

    /** One entry of one request (both as tagged), or an empty histogram. */
    public Histogram entry(String request, String entry) {
        Histogram h = Histograms.empty();
        Map<String, Histogram> byEntry = entries.get(request);
        if (byEntry != null && byEntry.containsKey(entry)) h.add(byEntry.get(entry));
        return h;
    }

    /** Request names with their entries, each as tagged. */
    public Map<String, Set<String>> names() {
        Map<String, Set<String>> out = new TreeMap<>();
        entries.forEach((r, byEntry) -> out.put(r, Collections.unmodifiableSet(byEntry.keySet())));
        return out;
    }

    /** The fan-out {@code request} declared (the median of its {@code fanout;desc=N}), or 0 when it declared none. */
    public long fanout(String request) {
        Histogram h = fanout.get(request);
        return h == null || h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50);
    }

    /** What {@code summary.json} says of them. */
    public Summary.ServerTiming summary() {
        Map<String, Map<String, Summary.Distribution>> out = new LinkedHashMap<>();
        entries.forEach((request, byEntry) -> {
            Map<String, Summary.Distribution> d = new LinkedHashMap<>();
            byEntry.forEach((entry, h) -> d.put(entry, Summary.Distribution.of(h)));
            out.put(request, d);
        });
        Map<String, Long> fanouts = new LinkedHashMap<>();
        fanout.keySet().forEach(r -> fanouts.put(r, fanout(r)));
        return new Summary.ServerTiming(out, malformed, fanouts);
    }
}
