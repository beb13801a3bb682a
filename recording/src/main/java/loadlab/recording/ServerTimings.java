package loadlab.recording;

import java.util.LinkedHashMap;
import java.util.Map;
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

    public void add(IntervalLogReader.Entry e) {
        String request = RequestName.timingRequestOf(e.name());
        String entry = RequestName.timingEntryOf(e.name());
        if (RequestName.isMalformedTiming(entry)) malformed.merge(request, e.histogram().getTotalCount(), Long::sum);
        else entries.computeIfAbsent(request, r -> new TreeMap<>()).computeIfAbsent(entry, n -> Histograms.empty()).add(e.histogram());
    }

    /** One entry of one request (both as tagged), or an empty histogram. */
    public Histogram entry(String request, String entry) {
        Histogram h = Histograms.empty();
        Map<String, Histogram> byEntry = entries.get(request);
        if (byEntry != null && byEntry.containsKey(entry)) h.add(byEntry.get(entry));
        return h;
    }

    /** What {@code summary.json} says of them. */
    public Summary.ServerTiming summary() {
        Map<String, Map<String, Summary.Distribution>> out = new LinkedHashMap<>();
        entries.forEach((request, byEntry) -> {
            Map<String, Summary.Distribution> d = new LinkedHashMap<>();
            byEntry.forEach((entry, h) -> d.put(entry, Summary.Distribution.of(h)));
            out.put(request, d);
        });
        return new Summary.ServerTiming(out, malformed);
    }
}
