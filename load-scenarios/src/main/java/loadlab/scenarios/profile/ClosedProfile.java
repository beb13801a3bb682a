package loadlab.scenarios.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A closed model: {@code concurrency} users each send a request, wait for its response, and send
 * the next. A stalled target then slows the generator down with it, so response times hide the
 * stall (coordinated omission); loadlab offers it because teams compare with such tools, and labels
 * it in every output.
 */
public record ClosedProfile(int concurrency, long seconds, long warmupSeconds, String segment) implements LoadProfile {
    public ClosedProfile {
        if (concurrency < 1 || concurrency > 100_000) throw new IllegalArgumentException("--concurrency must be from 1 to 100000, got " + concurrency);
        if (seconds < 1) throw new IllegalArgumentException("--duration must be at least 1s");
    }

    @Override
    public String model() {
        return "closed";
    }

    @Override
    public long measuredSeconds() {
        return seconds;
    }

    @Override
    public Double targetRate() {
        return null;
    }

    @Override
    public ClosedProfile share(int k, int n) {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("--segment K/N needs 1 <= K <= N, got " + k + "/" + n);
        int mine = (int) LoadProfile.part(concurrency, k, n);
        if (mine < 1) throw new IllegalArgumentException("--concurrency " + concurrency + " cannot be split over " + n + " injectors");
        return new ClosedProfile(mine, seconds, warmupSeconds, k + "/" + n);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", "closed");
        d.put("concurrency", concurrency);
        d.put("warmup_s", warmupSeconds);
        d.put("measured_s", seconds);
        if (segment != null) d.put("segment", segment);
        return d;
    }
}
