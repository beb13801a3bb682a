package loadlab.reports.html;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

import loadlab.recording.IntervalLogReader;
import loadlab.recording.RequestHistograms;
import loadlab.recording.RunDirectory;

/**
 * A run over time: per bucket of whole seconds, each request name's throughput, errors and
 * response-time p50/p99/max, its service-time p99, and the injector's lag p99. A bucket's
 * percentiles come from the bucket's interval histograms added up, never from averaged
 * percentiles. Long runs get wider buckets so the page stays small; the logs are streamed, so
 * memory does not grow with the run's length.
 *
 * @param bucketSeconds width of one bucket (1 for runs up to {@value #MAX_BUCKETS} s)
 * @param startSeconds  each bucket's start, seconds from the start of measurement
 * @param requests      series per request name, and {@value #ALL} for all requests together
 * @param lagP99Us      the injector's start lag p99 per bucket (null where nothing was started)
 */
public record LatencyTimeline(long bucketSeconds, List<Long> startSeconds, Map<String, Series> requests, List<Long> lagP99Us,
                              List<Double> arrivalsPerS) {
    public static final int MAX_BUCKETS = 1200;
    /** How many buckets behind the newest an interval may arrive before its bucket is closed. */
    private static final int LATENESS_BUCKETS = 2;

    /** Columns of one request name; latency entries are null for buckets in which nothing completed. */
    public record Series(List<Long> count, List<Double> ratePerS, List<Long> errors, List<Long> p50Us, List<Long> p99Us,
                         List<Long> maxUs, List<Long> serviceP99Us) {}

    /** What one bucket held for one request name (or for all). */
    private record Cell(long count, long errors, long p50, long p99, long max) {}

    /** One bucket's closed figures: cells by name, and the span its intervals covered. */
    private record Bucket(Map<String, Cell> cells, long startMillis, long endMillis) {}

    /**
     * Reads a run directory's logs once each, through its model.
     *
     * @param spanSeconds    the run's measured length, which sets the bucket width (with the profile's length)
     * @param latencyTotals  receives every response-time interval, from the same pass
     * @param serviceTotals  likewise for service time
     */
    public static LatencyTimeline read(RunDirectory run, double spanSeconds, RequestHistograms latencyTotals,
                                       RequestHistograms serviceTotals) {
        long originMillis = run.manifest().measureFromMillis();
        double span = Math.max(spanSeconds, run.manifest().profile().totalSeconds());
        long width = Math.max(1, (long) Math.ceil(span / MAX_BUCKETS));
        TreeMap<Long, Bucket> latency = buckets(run::latency, run.file(RunDirectory.LATENCY), originMillis, width, latencyTotals);
        Map<Long, Bucket> service = buckets(run::service, run.file(RunDirectory.SERVICE), originMillis, width, serviceTotals);
        Map<Long, Bucket> lag = buckets(run::lag, run.file(RunDirectory.LAG), originMillis, width, new RequestHistograms());

        TreeSet<String> names = new TreeSet<>();
        latency.values().forEach(b -> names.addAll(b.cells().keySet()));
        List<Long> starts = new ArrayList<>();
        Map<String, Columns> columns = new LinkedHashMap<>();
        columns.put(RequestHistograms.ALL, new Columns());
        names.stream().filter(n -> !RequestHistograms.ALL.equals(n)).forEach(n -> columns.put(n, new Columns()));
        List<Long> lagP99 = new ArrayList<>();
        List<Double> arrivals = new ArrayList<>();
        if (!latency.isEmpty()) {
            long first = Math.min(0, latency.firstKey());
            long last = latency.lastKey();
            for (long b = first; b <= last; b++) {
                starts.add(b * width);
                Bucket lat = latency.get(b);
                Bucket svc = service.get(b);
                for (Map.Entry<String, Columns> c : columns.entrySet()) {
                    Cell cell = lat == null ? null : lat.cells().get(c.getKey());
                    Cell svcCell = svc == null ? null : svc.cells().get(c.getKey());
                    c.getValue().add(cell, seconds(lat, b == last, width), svcCell);
                }
                Bucket lagBucket = lag.get(b);
                Cell lagCell = lagBucket == null ? null : lagBucket.cells().get("");
                lagP99.add(lagCell == null ? null : lagCell.p99());
                arrivals.add(lagCell == null ? 0.0 : Math.round(lagCell.count() / seconds(lagBucket, b == last, width) * 10) / 10.0);
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        columns.forEach((name, c) -> series.put(name, c.series()));
        return new LatencyTimeline(width, starts, series, lagP99, arrivals);
    }

    /**
     * The time a bucket's count is spread over, for its rate. Intervals start when the injector's
     * clock ticks, not on bucket boundaries, so a bucket may hold a short first interval and a whole
     * one (1.25 s of requests in a 1 s bucket): the span its intervals cover, but never less than the
     * bucket (an interval in which nothing completed is not written, and must count as time at rate
     * zero). The last bucket is cut short by the end of the run: there only the covered span counts.
     */
    private static double seconds(Bucket b, boolean last, long width) {
        return b == null ? width : RunDirectory.coveredSeconds(b.startMillis(), b.endMillis(), last, width);
    }

    /** Reads one log into closed buckets; only the buckets still open hold histograms. */
    private static TreeMap<Long, Bucket> buckets(Consumer<Consumer<IntervalLogReader.Entry>> log, Path file, long originMillis, long width,
                                                 RequestHistograms totals) {
        TreeMap<Long, Bucket> closed = new TreeMap<>();
        TreeMap<Long, RequestHistograms> open = new TreeMap<>();
        log.accept(e -> {
            long index = e.slot(originMillis, width);
            if (closed.containsKey(index) || (!closed.isEmpty() && index < closed.lastKey())) {
                throw new IntervalLogReader.CorruptLogException(file, "its intervals are out of time order", null);
            }
            open.computeIfAbsent(index, i -> new RequestHistograms()).add(e);
            totals.add(e);
            while (open.firstKey() < open.lastKey() - LATENESS_BUCKETS) {
                Map.Entry<Long, RequestHistograms> oldest = open.pollFirstEntry();
                closed.put(oldest.getKey(), close(oldest.getValue()));
            }
        });
        open.forEach((i, b) -> closed.put(i, close(b)));
        return closed;
    }

    /** A bucket's figures per name and for all: completions and failures, and the successes' percentiles. */
    private static Bucket close(RequestHistograms bucket) {
        Map<String, Cell> cells = new HashMap<>();
        for (String name : bucket.names()) cells.put(name, cell(bucket, name));
        cells.put(RequestHistograms.ALL, cell(bucket, RequestHistograms.ALL));
        return new Bucket(cells, bucket.startMillis(), bucket.endMillis());
    }

    private static Cell cell(RequestHistograms bucket, String name) {
        Histogram ok = bucket.ok(name);
        long failed = bucket.failedCount(name);
        if (ok.getTotalCount() == 0) return new Cell(failed, failed, 0, 0, 0);
        return new Cell(ok.getTotalCount() + failed, failed, ok.getValueAtPercentile(50), ok.getValueAtPercentile(99), ok.getMaxValue());
    }

    /** Builds one request name's columns bucket by bucket. */
    private static final class Columns {
        final List<Long> count = new ArrayList<>();
        final List<Double> rate = new ArrayList<>();
        final List<Long> errors = new ArrayList<>();
        final List<Long> p50 = new ArrayList<>();
        final List<Long> p99 = new ArrayList<>();
        final List<Long> max = new ArrayList<>();
        final List<Long> serviceP99 = new ArrayList<>();

        void add(Cell cell, double seconds, Cell service) {
            boolean any = cell != null && cell.count() > cell.errors();
            count.add(cell == null ? 0 : cell.count());
            rate.add(cell == null ? 0.0 : Math.round(cell.count() / seconds * 10) / 10.0);
            errors.add(cell == null ? 0 : cell.errors());
            p50.add(any ? cell.p50() : null);
            p99.add(any ? cell.p99() : null);
            max.add(any ? cell.max() : null);
            serviceP99.add(service != null && service.count() > service.errors() ? service.p99() : null);
        }

        Series series() {
            return new Series(count, rate, errors, p50, p99, max, serviceP99);
        }
    }
}
