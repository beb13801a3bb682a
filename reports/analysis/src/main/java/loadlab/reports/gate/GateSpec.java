package loadlab.reports.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import loadlab.recording.YamlFile;
import loadlab.recording.RequestHistograms;
import loadlab.reports.metric.Limit;
import loadlab.reports.metric.Metric;

/**
 * A gate spec, from YAML:
 * <pre>
 * confidence: 0.99          # of the intervals relative checks are judged by (default 0.99)
 * absolute:
 *   - { request: "*", metric: p99, below: 250ms }
 *   - { request: "*", metric: error-rate, below: 0.1% }
 *   - { metric: achieved-rate, at-least: 95% }
 *   - { metric: sustainable-rate, at-least: 5000/s }   # of a capacity search (capacity.json)
 *   - { metric: recovery-time, fault: "*", at-most: 10s }        # each fault of a run with --faults
 *   - { metric: error-rate-during-faults, fault: cache-down, below: 1% }
 *   - { metric: lost-writes, at-most: 0 }                # the verification after the load
 * relative:
 *   - { request: "*", metric: p99, worse-by-at-most: 10% }
 *   - { benchmark: ".*Fanout.*", metric: score, worse-by-at-most: 5% }
 *   - { metric: sustainable-rate, worse-by-at-most: 10% }
 * </pre>
 * Every mistake is reported as one sentence naming the check.
 */
public record GateSpec(double confidence, List<Check> checks) {
    public static final double DEFAULT_CONFIDENCE = 0.99;
    private static final Set<String> TOP = Set.of("confidence", "absolute", "relative");
    private static final Set<String> ABSOLUTE_KEYS = Set.of("request", "benchmark", "fault", "entry", "metric", "below", "at-most", "above",
            "at-least");
    private static final Set<String> RELATIVE_KEYS = Set.of("request", "benchmark", "entry", "metric", "worse-by-at-most");

    public boolean hasRelative() {
        return checks.stream().anyMatch(c -> c.kind() == Check.Kind.RELATIVE);
    }

    public static GateSpec read(Path file) {
        return parse(YamlFile.read(file, "the gate spec"), file.toString());
    }

    @SuppressWarnings("unchecked")
    static GateSpec parse(Object root, String name) {
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + " must be a map with 'absolute' and/or 'relative' lists of checks");
        }
        for (Object key : map.keySet()) {
            if (!TOP.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(name + ": unknown key '" + key + "'; a gate spec has confidence, absolute and relative");
            }
        }
        double confidence = DEFAULT_CONFIDENCE;
        if (map.containsKey("confidence")) {
            Object c = map.get("confidence");
            if (!(c instanceof Number n) || n.doubleValue() <= 0.5 || n.doubleValue() >= 1) {
                throw new IllegalArgumentException(name + ": confidence must be a number between 0.5 and 1, such as 0.99");
            }
            confidence = n.doubleValue();
        }
        List<Check> checks = new ArrayList<>();
        checks.addAll(list(map.get("absolute"), name, "absolute", Check.Kind.ABSOLUTE));
        checks.addAll(list(map.get("relative"), name, "relative", Check.Kind.RELATIVE));
        if (checks.isEmpty()) throw new IllegalArgumentException(name + " has no checks; add an 'absolute' or 'relative' list");
        return new GateSpec(confidence, List.copyOf(checks));
    }

    private static List<Check> list(Object raw, String name, String section, Check.Kind kind) {
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> items)) throw new IllegalArgumentException(name + ": '" + section + "' must be a list of checks");
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = name + " " + section + " check " + (i + 1);
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new IllegalArgumentException(where + " must be a map such as { request: \"*\", metric: p99, below: 250ms }");
            }
            out.add(check(item, kind, where));
        }
        return out;
    }

    private static Check check(Map<?, ?> item, Check.Kind kind, String where) {
        Set<String> allowed = kind == Check.Kind.ABSOLUTE ? ABSOLUTE_KEYS : RELATIVE_KEYS;
        for (Object key : item.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; " + (kind == Check.Kind.ABSOLUTE ? "an absolute" : "a relative") + " check has "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        Metric metric = Metric.parse(item.get("metric") == null ? null : String.valueOf(item.get("metric")), where);
        Object benchmark = item.get("benchmark");
        Object request = item.get("request");
        if (benchmark != null && request != null) throw new IllegalArgumentException(where + " names both a request and a benchmark; give one");
        Pattern bench = null;
        if (metric == Metric.SCORE) {
            if (benchmark == null) throw new IllegalArgumentException(where + ": metric score needs benchmark: REGEX");
            try {
                bench = Pattern.compile(String.valueOf(benchmark));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": benchmark '" + benchmark + "' is not a regular expression");
            }
        } else if (benchmark != null) {
            throw new IllegalArgumentException(where + ": a benchmark check measures metric score, not " + metric.id());
        }
        if (metric.kind() == Metric.Kind.CAPACITY && (request != null || benchmark != null)) {
            throw new IllegalArgumentException(where + ": sustainable-rate is a capacity search's, not a request's or a benchmark's; drop "
                    + (request != null ? "request" : "benchmark"));
        }
        Object fault = item.get("fault");
        Object entry = item.get("entry");
        if (metric.kind() == Metric.Kind.SERVER_TIMING) {
            if (kind == Check.Kind.RELATIVE) {
                throw new IllegalArgumentException(where + ": " + metric.id() + " is judged against a limit, not a baseline; move it under absolute");
            }
            if (entry == null || String.valueOf(entry).isBlank()) {
                throw new IllegalArgumentException(where + ": " + metric.id() + " needs entry: the Server-Timing entry to judge, such as store or cache");
            }
        } else if (entry != null) {
            throw new IllegalArgumentException(where + ": entry goes with the server-timing metrics, not " + metric.id());
        }
        if (metric == Metric.CHECK_FAILURES && kind == Check.Kind.RELATIVE) {
            throw new IllegalArgumentException(where + ": check-failures is judged against a limit, not a baseline; move it under absolute");
        }
        if (metric.ofFaults()) {
            if (kind == Check.Kind.RELATIVE) {
                throw new IllegalArgumentException(where + ": " + metric.id() + " is judged against a limit, not a baseline; move it under absolute");
            }
            if (request != null || benchmark != null) {
                throw new IllegalArgumentException(where + ": " + metric.id() + " is a run's, not a " + (request != null ? "request" : "benchmark")
                        + "'s; drop " + (request != null ? "request" : "benchmark"));
            }
            if (fault != null && metric == Metric.LOST_WRITES) {
                throw new IllegalArgumentException(where + ": lost-writes counts the whole run's writes, not a fault's; drop fault");
            }
        } else if (fault != null) {
            throw new IllegalArgumentException(where + ": fault goes with recovery-time and error-rate-during-faults, not " + metric.id());
        }
        String faults = metric.ofFaults() && metric != Metric.LOST_WRITES ? (fault == null ? "*" : String.valueOf(fault)) : null;
        String req = metric.kind() == Metric.Kind.ACHIEVED || metric.kind() == Metric.Kind.CAPACITY ? RequestHistograms.ALL : request == null ? (bench == null ? RequestHistograms.ALL : null) : String.valueOf(request);
        String text = describe(item);
        if (kind == Check.Kind.RELATIVE) {
            return new Check(kind, req, bench, metric, null, null, Limit.percent(item.get("worse-by-at-most"), where), text, null, null);
        }
        Check.Bound bound = null;
        Object value = null;
        for (Check.Bound b : Check.Bound.values()) {
            if (item.containsKey(b.id())) {
                if (bound != null) throw new IllegalArgumentException(where + " has two bounds; give one of below, at-most, above, at-least");
                bound = b;
                value = item.get(b.id());
            }
        }
        if (bound == null) throw new IllegalArgumentException(where + " has no bound; add one of below, at-most, above, at-least");
        return new Check(kind, req, bench, metric, bound, Limit.parse(value, metric, where), 0, text, faults,
                entry == null ? null : String.valueOf(entry).strip());
    }

    private static String describe(Map<?, ?> item) {
        List<String> parts = new ArrayList<>();
        item.forEach((k, v) -> parts.add(k + ": " + v));
        return "{ " + String.join(", ", parts) + " }";
    }
}
