package loadlab.scenarios.profile;

import loadlab.recording.RecordedProfile;
import loadlab.recording.RunModel;
import loadlab.recording.Segment;

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
    public RunModel model() {
        return RunModel.CLOSED;
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
    public RecordedProfile.Closed describe() {
        return new RecordedProfile.Closed(concurrency, warmupSeconds, seconds, segment == null ? null : Segment.parse(segment), 1);
    }
}
