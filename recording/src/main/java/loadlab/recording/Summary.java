package loadlab.recording;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.HdrHistogram.Histogram;

/**
 * {@code summary.json}: the run's state; per request name and in total, counts, errors by cause,
 * throughput and the response-time and service-time distributions (microseconds) of the
 * successful requests, with the failed requests' own distribution beside them; the injector's
 * health. Percentiles come only from histograms that were added up, never from averaging
 * percentiles. Computed in one place, {@link RunSummarizer}, and read through {@link RunDirectory}.
 *
 * <p>Schema 2 (from 1): {@code latency_us} and {@code service_time_us} are of successful requests
 * only (failures, such as instant refusals, no longer pull percentiles down); new are {@code ok},
 * {@code error_rate}, {@code failed_latency_us}, {@code run.state} and {@code run.state_reason}.
 */
public record Summary(String schema, Run run, Injector injector, Stats total, Map<String, Stats> requests, List<FaultEffect> faults,
                      Verification verification, ServerTiming serverTiming) {
    public static final String SCHEMA = "loadlab.summary/3";
    /** Earlier schemas whose counts can still be checked against the logs. */
    public static final Set<String> READABLE = Set.of(SCHEMA, "loadlab.summary/2");
    public static final String FILE = "summary.json";

    public Summary {
        requests = requests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        faults = faults == null ? null : List.copyOf(faults);
    }

    /** The same summary with what the target said about its acknowledged writes ({@code verification.json}), or null. */
    public Summary withVerification(Verification v) {
        return new Summary(schema, run, injector, total, requests, faults, v, serverTiming);
    }

    /** The same summary with the target's {@code Server-Timing} entries ({@code server-timing.hlog}), or null. */
    public Summary withServerTiming(ServerTiming t) {
        return new Summary(schema, run, injector, total, requests, faults, verification, t);
    }

    /**
     * What the target said, in {@code Server-Timing} headers, about where each request's time went:
     * per request name, each entry's durations (µs) over the measured window, how many responses
     * carried a header that could not be read (counted, never fatal), and the fan-out each request
     * declared ({@code fanout;desc=N}, its median).
     */
    public record ServerTiming(Map<String, Map<String, Distribution>> entries, Map<String, Long> malformed, Map<String, Long> fanout) {
        public ServerTiming {
            fanout = fanout == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fanout));
            entries = entries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            malformed = malformed == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(malformed));
        }
    }

    /**
     * What one fault did ({@link FaultImpact}); times are seconds on the measured timeline.
     *
     * @param endS      when it ended, or null if it was still active when the run ended
     * @param recoveryS seconds from its end until p99 and throughput were back to the before-window's for 5 s in a row; null if never
     */
    public record FaultEffect(String name, String kind, String target, double startS, Double endS, FaultWindow before, FaultWindow during,
                              FaultWindow after, Double recoveryS) {}

    /** A stretch of whole seconds [fromS, toS): p99 of successes (null without any), error rate, requests per second. */
    public record FaultWindow(int fromS, int toS, Long p99Us, double errorRate, double throughputPerS) {}

    /**
     * @param state       complete, invalid, interrupted or empty (a damaged run has no summary)
     * @param stateReason why the run is not complete, in one sentence; null when it is
     */
    public record Run(String scenario, String target, RecordedProfile profile, RunModel model, String started, String ended,
                      double measuredSeconds, boolean interrupted, RunState state, String stateReason) {}

    /**
     * @param targetRate    what the profile asked for in the measured window, per second (null for a closed model): arrivals
     *                      (users started) in an open model, where a journey may send several requests per arrival
     * @param achievedRate  the same thing achieved per measured second, so it compares with {@code targetRate}
     * @param achievedCounts what the two rates count: {@code arrivals} (an open model) or {@code requests}
     * @param requestsPerS  requests completed per measured second, successes and failures, whatever an arrival sends
     * @param lagP99Us      99th percentile of how late requests were started against the schedule
     * @param verdict       ok, or invalid when the generator could not keep up, with the reason
     * @param blockedCount  how many counted requests waited for a free connection (the request engine's
     *                      {@code --connections}); the wait is in their response times
     * @param connectionsOpened connections the request engine opened over the whole run (warm-up included); null for other engines
     * @param closedByTarget  the target closed connections (no keep-alive, HTTP/1.0): the engine opened far more than its
     *                        pool holds, so waits for a connection are the target's doing, not the injector's limit
     */
    public record Injector(Double targetRate, double achievedRate, String achievedCounts, double requestsPerS, long lagP99Us, long lagMaxUs,
                           InjectorVerdict verdict, String reason, long blockedCount, long blockedP99Us, long blockedMaxUs,
                           Long connectionsOpened, boolean closedByTarget) {
        /** Whether arrivals and requests per second are worth showing apart: a journey that sends several requests per arrival. */
        public boolean arrivalsApartFromRequests() {
            return "arrivals".equals(achievedCounts) && apart(achievedRate, requestsPerS);
        }

        /** The one rule for "these two rates differ": more than 5% of the arrivals (at least 1/s). */
        public static boolean apart(double arrivals, double requests) {
            return Math.abs(requests - arrivals) > 0.05 * Math.max(1, arrivals);
        }
    }

    /**
     * @param count           requests completed, successes and failures
     * @param ok              successful requests
     * @param errorRate       failed share of {@code count}, 0 to 1
     * @param throughput      {@code count} per measured second
     * @param latencyUs       response time from the intended start of the successful requests
     * @param serviceTimeUs   service time from the actual send of the successful requests
     * @param failedLatencyUs response time from the intended start of the failed requests
     * @param checks          each named check's passes and fails, in the order first seen; empty without checks
     */
    public record Stats(long count, long ok, Errors errors, double errorRate, double throughput, Distribution latencyUs,
                        Distribution serviceTimeUs, Distribution failedLatencyUs, List<CheckCount> checks) {
        public Stats {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        /** Failed check evaluations. */
        public long checkFailures() {
            return checks.stream().mapToLong(CheckCount::fails).sum();
        }
    }

    public record Errors(long total, Map<String, Long> byCause) {
        public Errors {
            byCause = byCause == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byCause));
        }
    }

    /** Microseconds; with {@code count} 0 every figure is 0 and means "none", which readers show as "–". */
    public record Distribution(long count, long min, double mean, long p50, long p90, long p95, long p99, long p999, long p9999, long max) {
        public static Distribution of(Histogram h) {
            if (h.getTotalCount() == 0) return new Distribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            return new Distribution(h.getTotalCount(), h.getMinValue(), Math.round(h.getMean() * 10) / 10.0, h.getValueAtPercentile(50),
                    h.getValueAtPercentile(90), h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                    h.getValueAtPercentile(99.99), h.getMaxValue());
        }
    }
}
