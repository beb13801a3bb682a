package loadlab.scenarios.profile;

import java.util.ArrayList;
import java.util.List;

import loadlab.recording.RecordedProfile;
import loadlab.recording.RunModel;
import loadlab.recording.Segment;

/**
 * An open-model profile as exact arrivals per second: warm-up seconds (at the first phase's
 * starting rate) followed by the phases. Counts per second are differences of the rounded integral
 * of the rate, so a profile's total is exact, and splitting every second's count over N injectors
 * gives shares that add up to exactly the profile.
 */
public record OpenProfile(List<RatePhase> phases, long warmupSeconds, long[] perSecond, String segment) implements LoadProfile {
    public OpenProfile {
        phases = List.copyOf(phases);
        if (phases.isEmpty()) throw new IllegalArgumentException("an open profile needs at least one phase");
        if (perSecond == null) perSecond = arrivals(phases, warmupSeconds);
    }

    public OpenProfile(List<RatePhase> phases, long warmupSeconds) {
        this(phases, warmupSeconds, null, null);
    }

    private static long[] arrivals(List<RatePhase> phases, long warmup) {
        long total = warmup;
        for (RatePhase p : phases) total += p.seconds();
        if (total > 31L * 24 * 3600) throw new IllegalArgumentException("a profile must be at most 31 days long");
        long[] counts = new long[(int) total];
        int s = 0;
        double warmRate = phases.get(0).from();
        double carried = 0;
        for (int i = 0; i < warmup; i++) {
            double next = carried + warmRate;
            counts[s++] = Math.round(next) - Math.round(carried);
            carried = next;
        }
        for (RatePhase p : phases) {
            for (long t = 0; t < p.seconds(); t++) {
                counts[s++] = Math.round(carried + p.arrivalsBy(t + 1)) - Math.round(carried + p.arrivalsBy(t));
            }
            carried += p.arrivalsBy(p.seconds());
        }
        return counts;
    }

    @Override
    public RunModel model() {
        return RunModel.OPEN;
    }

    @Override
    public long measuredSeconds() {
        return perSecond.length - warmupSeconds;
    }

    public long measuredArrivals() {
        long n = 0;
        for (int i = (int) warmupSeconds; i < perSecond.length; i++) n += perSecond[i];
        return n;
    }

    @Override
    public Double targetRate() {
        return measuredSeconds() == 0 ? 0.0 : (double) measuredArrivals() / measuredSeconds();
    }

    @Override
    public OpenProfile share(int k, int n) {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("--segment K/N needs 1 <= K <= N, got " + k + "/" + n);
        long[] mine = new long[perSecond.length];
        for (int i = 0; i < mine.length; i++) mine[i] = LoadProfile.part(perSecond[i], k, n);
        return new OpenProfile(phases, warmupSeconds, mine, k + "/" + n);
    }

    @Override
    public RecordedProfile.Open describe() {
        List<RecordedProfile.Phase> list = new ArrayList<>();
        for (RatePhase p : phases) list.add(new RecordedProfile.Phase(p.from(), p.to(), p.seconds()));
        return new RecordedProfile.Open(list, warmupSeconds, measuredSeconds(), measuredArrivals(),
                segment == null ? null : Segment.parse(segment), 1);
    }
}
