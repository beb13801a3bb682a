package loadlab.recording;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;

/**
 * Interval-log entries added up per request name, successes apart from failures by cause, and
 * {@value #ALL} for all names together. The one owner of the rule "a request name's successes and
 * failures are logged apart; all requests are the sum of the names", so no reader re-derives it
 * from tags. Used for a whole run, a time bucket or a gate's block alike.
 */
public final class RequestHistograms {
    /** All request names added together: what the summary calls total. */
    public static final String ALL = "*";

    /** How a request name reads in a sentence: {@value #ALL} as "all requests", any other name as itself. */
    public static String describe(String name) {
        return ALL.equals(name) ? "all requests" : name;
    }

    private final Map<String, Histogram> ok = new TreeMap<>();
    private final Map<String, Map<ErrorCause, Histogram>> failed = new TreeMap<>();
    private long startMillis = Long.MAX_VALUE;
    private long endMillis = Long.MIN_VALUE;

    public void add(IntervalLogReader.Entry e) {
        Histogram into = e.failed()
                ? failed.computeIfAbsent(e.name(), n -> new EnumMap<>(ErrorCause.class)).computeIfAbsent(e.cause(), c -> Histograms.empty())
                : ok.computeIfAbsent(e.name(), n -> Histograms.empty());
        into.add(e.histogram());
        startMillis = Math.min(startMillis, e.startMillis());
        endMillis = Math.max(endMillis, e.endMillis());
    }

    /** Request names that recorded anything, successes or failures, sorted; without {@value #ALL}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(ok.keySet());
        names.addAll(failed.keySet());
        return names;
    }

    public boolean isEmpty() {
        return ok.isEmpty() && failed.isEmpty();
    }

    /** Response times (or service times) of the successful requests of {@code name}, or of all for {@value #ALL}; a fresh histogram. */
    public Histogram ok(String name) {
        Histogram sum = Histograms.empty();
        if (ALL.equals(name)) ok.values().forEach(sum::add);
        else if (ok.containsKey(name)) sum.add(ok.get(name));
        return sum;
    }

    /** Response times of the failed requests of {@code name} (or all), every cause together; a fresh histogram. */
    public Histogram failed(String name) {
        Histogram sum = Histograms.empty();
        failed.forEach((n, byCause) -> {
            if (ALL.equals(name) || n.equals(name)) byCause.values().forEach(sum::add);
        });
        return sum;
    }

    /** Failed requests of {@code name} (or all) by cause. */
    public Map<ErrorCause, Long> failures(String name) {
        Map<ErrorCause, Long> out = new EnumMap<>(ErrorCause.class);
        failed.forEach((n, byCause) -> {
            if (ALL.equals(name) || n.equals(name)) byCause.forEach((c, h) -> out.merge(c, h.getTotalCount(), Long::sum));
        });
        return out;
    }

    public long okCount(String name) {
        if (ALL.equals(name)) return ok.values().stream().mapToLong(Histogram::getTotalCount).sum();
        Histogram h = ok.get(name);
        return h == null ? 0 : h.getTotalCount();
    }

    public long failedCount(String name) {
        return failures(name).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successes and failures of {@code name} (or all). */
    public long count(String name) {
        return okCount(name) + failedCount(name);
    }

    /** Earliest start and latest end of the intervals added, epoch milliseconds; MAX/MIN when none. */
    public long startMillis() {
        return startMillis;
    }

    public long endMillis() {
        return endMillis;
    }
}
