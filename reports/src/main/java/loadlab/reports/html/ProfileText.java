package loadlab.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@code run.json} profile as one line a reader takes in: "100/s for 5 s, then 100/s → 300/s over 60 s; warm-up 5 s". */
final class ProfileText {
    private ProfileText() {}

    static String of(Map<String, Object> profile) {
        if (profile == null || profile.isEmpty()) return "not recorded";
        List<String> parts = new ArrayList<>();
        if (profile.get("phases") instanceof List<?> phases) {
            List<String> steps = new ArrayList<>();
            for (Object o : phases) {
                if (!(o instanceof Map<?, ?> p)) continue;
                String from = rate(p.get("from_per_s"));
                String to = rate(p.get("to_per_s"));
                String seconds = p.get("seconds") + " s";
                steps.add(from.equals(to) ? from + " for " + seconds : from + " → " + to + " over " + seconds);
            }
            parts.add(String.join(", then ", steps));
        } else if (profile.containsKey("concurrency")) {
            parts.add(profile.get("concurrency") + " users for " + profile.get("measured_s") + " s");
        }
        if (profile.containsKey("warmup_s")) parts.add("warm-up " + profile.get("warmup_s") + " s");
        if (profile.containsKey("arrivals")) parts.add(String.format(Locale.ROOT, "%,d arrivals measured", ((Number) profile.get("arrivals")).longValue()));
        if (profile.containsKey("segment")) parts.add("injector share " + profile.get("segment"));
        if (profile.containsKey("injectors")) parts.add("merged from " + profile.get("injectors") + " injectors");
        if (parts.isEmpty()) return profile.toString();
        return String.join("; ", parts);
    }

    private static String rate(Object perSecond) {
        if (!(perSecond instanceof Number n)) return String.valueOf(perSecond);
        double v = n.doubleValue();
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v)) + "/s";
    }
}
