package loadlab.scenarios.profile;

import loadlab.recording.RecordedProfile;
import loadlab.recording.RunModel;

/**
 * How many users arrive, independent of what each does (the scenario). Open profiles start users
 * on a schedule that does not wait for responses, the default; a closed profile keeps a fixed
 * number of users busy, as many tools do, and is labelled as such. Every profile begins with a
 * warm-up that is run but not counted.
 */
public sealed interface LoadProfile permits OpenProfile, ClosedProfile {

    RunModel model();

    long warmupSeconds();

    long measuredSeconds();

    /** Requests per second asked for in the measured window; null for a closed model. */
    Double targetRate();

    /** Injector {@code k}'s share of the profile when {@code n} injectors run it together (1 &le; k &le; n). */
    LoadProfile share(int k, int n);

    /** The profile as run.json records it. */
    RecordedProfile describe();

    /** An exact share: the k-th of n parts of {@code total}, so the parts add up to it. */
    static long part(long total, int k, int n) {
        return total * k / n - total * (k - 1) / n;
    }
}
