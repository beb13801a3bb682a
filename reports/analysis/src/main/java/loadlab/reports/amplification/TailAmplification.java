package loadlab.reports.amplification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;

import loadlab.recording.RequestHistograms;
import loadlab.recording.RunDirectory;
import loadlab.recording.ServerTimings;

/**
 * Tail-latency amplification, measured against its prediction (Dean and Barroso, "The Tail at
 * Scale", CACM 2013): a request that fans out to k backend calls waits for the slowest, so if a call
 * is slower than x with probability p, the request is with probability 1 − (1 − p)^k; a 1-in-100
 * slow call makes 63% of fan-out-100 requests slow. From the backend calls' own distribution (the
 * target's {@code Server-Timing} entries) the request's p99 is predicted as the calls' percentile
 * 100 · 0.99^(1/k) (where the slowest of k independent calls is below it 99% of the time) plus the
 * request's own time outside the fan-out, taken as constant and estimated at the median (the
 * request's p50 less the slowest-of-k calls' p50, the calls' percentile 100 · 0.5^(1/k)), and set
 * beside the request's measured p99 (service time, from the send).
 *
 * @param request            the request name
 * @param fanout             the k it declared ({@code fanout;desc=k})
 * @param entry              the fanned-out backend call: the request's entry with the most calls
 * @param calls              calls of that entry recorded
 * @param callP99Us          the calls' own p99
 * @param baseUs             the request's own time outside the fan-out, from the medians
 * @param predictedP99Us     the request p99 the calls predict (with {@code baseUs})
 * @param measuredP99Us      the request's measured p99 (service time)
 * @param curve              the p99 the same calls predict at other fan-outs (powers of two to at least 64, and k itself), with the same base:
 *                           the measured point set against how the tail grows with k
 */
public record TailAmplification(String request, long fanout, String entry, long calls, long callP99Us, long baseUs, long predictedP99Us,
                                long measuredP99Us, List<Predicted> curve) {
    public TailAmplification {
        curve = List.copyOf(curve);
    }

    /** The p99 predicted for a fan-out of {@code k}. */
    public record Predicted(long k, long p99Us) {}

    /** The widest fan-out the curve reaches at least. */
    static final long CURVE_TO = 64;

    /** (predicted − measured) / measured: how far the independence model is from what happened. */
    public double error() {
        return measuredP99Us == 0 ? Double.NaN : (double) (predictedP99Us - measuredP99Us) / measuredP99Us;
    }

    /** The calls' percentile at which the slowest of {@code k} independent calls is below {@code q} (0.99 for the p99) of the time. */
    public static double callPercentile(double q, long k) {
        return 100 * Math.pow(q, 1.0 / k);
    }

    /** One row per request that declared a fan-out of 2 or more; empty when the target sent no Server-Timing. */
    public static List<TailAmplification> of(RunDirectory run) {
        ServerTimings timings = run.serverTimings();
        if (timings == null) return List.of();
        RequestHistograms service = new RequestHistograms();
        run.service(service::add);
        return of(timings, service);
    }

    /**
     * The same from what a reader already holds: the run's Server-Timing entries (null: none) and its
     * service times added up per request name.
     */
    public static List<TailAmplification> of(ServerTimings timings, RequestHistograms service) {
        if (timings == null) return List.of();
        List<TailAmplification> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : timings.names().entrySet()) {
            String request = e.getKey();
            long k = timings.fanout(request);
            if (k < 2) continue;
            String entry = null;
            Histogram calls = null;
            for (String name : e.getValue()) {
                Histogram h = timings.entry(request, name);
                if (calls == null || h.getTotalCount() > calls.getTotalCount()) {
                    calls = h;
                    entry = name;
                }
            }
            Histogram measured = service.ok(request);
            if (calls == null || calls.getTotalCount() == 0 || measured.getTotalCount() == 0) continue;
            long callP99 = calls.getValueAtPercentile(99);
            long base = Math.max(0, measured.getValueAtPercentile(50) - calls.getValueAtPercentile(callPercentile(0.5, k)));
            TreeSet<Long> ks = new TreeSet<>(List.of(k));
            for (long w = 1; w <= Math.max(CURVE_TO, k); w *= 2) ks.add(w);
            List<Predicted> curve = new ArrayList<>();
            for (long w : ks) curve.add(new Predicted(w, base + calls.getValueAtPercentile(callPercentile(0.99, w))));
            out.add(new TailAmplification(request, k, entry, calls.getTotalCount(), callP99, base,
                    base + calls.getValueAtPercentile(callPercentile(0.99, k)), measured.getValueAtPercentile(99), curve));
        }
        return out;
    }
}
