package loadlab.reports.html;

import java.util.ArrayList;
import java.util.List;

import loadlab.recording.RecordedProfile;

/**
 * The load the profile asked for, over the measured window, drawn behind the timeline so a
 * latency rise can be read against the load step that caused it: arrivals per second for an open
 * model (users started; a journey sends several requests each, drawn apart from the target) (line segments, so ramps and stairs both draw true), concurrent users for a closed one.
 * A run that was one injector's share ({@code segment: K/N}) is drawn at 1/N of the profile.
 *
 * @param label   what the values are ("target arrivals/s" or "users")
 * @param seconds time of each corner, seconds from the start of measurement
 * @param values  the value at each corner
 */
public record TargetCurve(String label, List<Double> seconds, List<Double> values) {

    /** The curve of a run's profile, or null for a bench run. */
    public static TargetCurve of(RecordedProfile profile) {
        if (profile instanceof RecordedProfile.Open open) {
            double share = open.segment() == null ? 1.0 : open.segment().share();
            List<Double> t = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            double at = 0;
            for (RecordedProfile.Phase phase : open.phases()) {
                t.add(at);
                v.add(phase.fromPerS() * share);
                at += phase.seconds();
                t.add(at);
                v.add(phase.toPerS() * share);
            }
            return new TargetCurve("target arrivals/s", t, v);
        }
        if (profile instanceof RecordedProfile.Closed closed) {
            double users = closed.concurrency();
            return new TargetCurve("users (closed model)", List.of(0.0, (double) closed.measuredS()), List.of(users, users));
        }
        return null;
    }
}
