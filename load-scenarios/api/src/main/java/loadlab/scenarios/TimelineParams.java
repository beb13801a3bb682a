package loadlab.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code timeline} scenario's parameters ({@code --param key=value}), checked before any load
 * is sent, so a typo is one sentence and exit 2 rather than an injector that crashes mid-run.
 *
 * @param users    user ids drawn from, 1 to 100,000,000 (default 10000)
 * @param mix      percentages of read, post, search and follow, adding up to 100
 * @param exponent the power law's exponent over user ids, 0 to 10 (default 1.0)
 */
public record TimelineParams(int users, Map<String, Double> mix, double exponent) {
    static final String DEFAULT_MIX = "read=80,post=10,search=8,follow=2";
    private static final List<String> ACTIONS = List.of("read", "post", "search", "follow");
    private static final Set<String> KEYS = Set.of("users", "mix", "exponent");

    public static TimelineParams of(Map<String, String> params) {
        for (String key : params.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("the timeline scenario has no parameter '" + key + "'; it takes users, mix and exponent");
            }
        }
        String usersText = params.getOrDefault("users", "10000");
        int users;
        try {
            users = Integer.parseInt(usersText.trim());
        } catch (NumberFormatException e) {
            users = -1;
        }
        if (users < 1 || users > 100_000_000) {
            throw new IllegalArgumentException("--param users=" + usersText + " is not a user count; give a whole number from 1 to 100000000");
        }
        String exponentText = params.getOrDefault("exponent", "1.0");
        double exponent = number(exponentText);
        if (!(exponent >= 0 && exponent <= 10)) {
            throw new IllegalArgumentException("--param exponent=" + exponentText + " is not a power-law exponent; give a number from 0 to 10");
        }
        return new TimelineParams(users, mix(params.getOrDefault("mix", DEFAULT_MIX)), exponent);
    }

    /** Parses "read=80,post=20" into percentages that must add up to 100. */
    static Map<String, Double> mix(String text) {
        Map<String, Double> mix = new LinkedHashMap<>();
        double total = 0;
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            double w = kv.length == 2 ? number(kv[1]) : Double.NaN;
            if (kv.length != 2 || !ACTIONS.contains(kv[0].trim()) || !(w >= 0 && w <= 100) || mix.containsKey(kv[0].trim())) {
                throw new IllegalArgumentException("--param mix=" + text + " must give each of read, post, search and follow at most once "
                        + "a percentage, like " + DEFAULT_MIX);
            }
            mix.put(kv[0].trim(), w);
            total += w;
        }
        if (Math.abs(total - 100) > 1e-6) {
            throw new IllegalArgumentException("--param mix=" + text + " adds up to " + total + "; the percentages must add up to 100");
        }
        mix.values().removeIf(w -> w == 0);
        return mix;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
