package loadlab.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load the profile asked for, over the measured window, drawn behind the timeline so a
 * latency rise can be read against the load step that caused it: requests per second for an open
 * model (line segments, so ramps and stairs both draw true), concurrent users for a closed one.
 * A run that was one injector's share ({@code segment: K/N}) is drawn at 1/N of the profile.
 *
 * @param label   what the values are ("target requests/s" or "users")
 * @param seconds time of each corner, seconds from the start of measurement
 * @param values  the value at each corner
 */
public record TargetCurve(String label, List<Double> seconds, List<Double> values) {

    /** The curve of a {@code run.json} profile, or null when the profile does not describe one. */
    public static TargetCurve of(Map<String, Object> profile) {
        if (profile == null) return null;
        double share = share(profile.get("segment"));
        List<Double> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        if (profile.get("phases") instanceof List<?> phases && !phases.isEmpty()) {
            double at = 0;
            for (Object o : phases) {
                if (!(o instanceof Map<?, ?> phase)) return null;
                double from = number(phase.get("from_per_s"));
                double to = number(phase.get("to_per_s"));
                double seconds = number(phase.get("seconds"));
                if (Double.isNaN(from) || Double.isNaN(to) || Double.isNaN(seconds)) return null;
                t.add(at);
                v.add(from * share);
                at += seconds;
                t.add(at);
                v.add(to * share);
            }
            return new TargetCurve("target requests/s", t, v);
        }
        double users = number(profile.get("concurrency"));
        double seconds = number(profile.get("measured_s"));
        if (Double.isNaN(users) || Double.isNaN(seconds)) return null;
        return new TargetCurve("users (closed model)", List.of(0.0, seconds), List.of(users, users));
    }

    private static double share(Object segment) {
        if (segment instanceof String s && s.matches("\\d+/\\d+")) {
            return 1.0 / Integer.parseInt(s.substring(s.indexOf('/') + 1));
        }
        return 1.0;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
