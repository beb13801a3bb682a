package loadlab.service.timeline;

import java.util.Locale;

/**
 * How a home-timeline read asks the cache: from {@code shards} shards at once, waiting for the
 * slowest (tail-latency amplification made measurable), and optionally hedged: a shard call still
 * outstanding after the {@code hedgeAfter}-th percentile of recent shard calls is asked a second
 * time, and the first answer wins (Dean &amp; Barroso, "The Tail at Scale", CACM 2013).
 *
 * @param shards     1: one call, no fan-out
 * @param hedgeAfter the percentile (50 to below 100) after which a call is hedged; 0: never
 */
public record ReadFanout(int shards, double hedgeAfter) {
    /** More shards than this would be a thread per shard per request beyond any use here. */
    public static final int MAX_SHARDS = 64;
    public static final ReadFanout NONE = new ReadFanout(1, 0);

    public ReadFanout {
        if (shards < 1 || shards > MAX_SHARDS) throw new IllegalArgumentException("--read-fanout must be from 1 to " + MAX_SHARDS + ", got " + shards);
        if (hedgeAfter != 0) checkPercentile(hedgeAfter, hedgeAfter + "th");
        if (hedgeAfter != 0 && shards < 2) throw new IllegalArgumentException("--hedge-after hedges the shards of a fanned-out read; add --read-fanout K (K > 1)");
    }

    public boolean hedged() {
        return hedgeAfter > 0;
    }

    /** {@code 95th}, {@code p95}, {@code 99.9th} or {@code 95}: the percentile, from 50 to below 100. */
    public static double percentile(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) t = t.substring(1);
        if (t.endsWith("th")) t = t.substring(0, t.length() - 2);
        double p;
        try {
            p = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hedge-after '" + text + "' is not a percentile; write it like 95th");
        }
        checkPercentile(p, text);
        return p;
    }

    private static void checkPercentile(double p, String written) {
        if (!(p >= 50 && p < 100)) throw new IllegalArgumentException("--hedge-after " + written + " must be a percentile from 50th to below 100th, e.g. 95th");
    }
}
