package loadlab.scenarios.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

import loadlab.recording.YamlFile;
import loadlab.scenarios.profile.Durations;

/**
 * A run's fault schedule, from YAML, checked in full before any load:
 * <pre>
 * faults:
 *   - { name: cache-down, at: 20s, for: 10s, block: cache, down: true }
 *   - { name: slow-store, at: 40s, for: 10s, block: store, latency: 50ms, latency-probability: 0.5 }
 *   - { name: store-errors, at: 60s, for: 10s, block: store, error-probability: 0.1 }
 *   - { name: pause, at: 80s, stall: 2s }
 *   - { name: my-own, at: 90s, for: 10s, exec: { start: "cmd ...", stop: "cmd ..." } }
 *   - { name: via-http, at: 100s, for: 5s, http: { start: { method: PUT, url: "...", body: "..." }, stop: { ... } } }
 * </pre>
 * Times are on the measured timeline (after the warm-up). Every mistake is one sentence naming
 * the fault: an unknown key or block, a window past the end of the run, two windows overlapping on
 * one block.
 */
public record FaultSchedule(List<FaultSpec> faults) {
    private static final Set<String> KEYS = Set.of("name", "at", "for", "block", "down", "latency", "latency-probability",
            "error-probability", "stall", "exec", "http");
    private static final Set<String> BLOCK_KEYS = Set.of("down", "latency", "latency-probability", "error-probability");
    private static final Duration MAX_STALL = Duration.ofSeconds(60);

    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    public static FaultSchedule none() {
        return new FaultSchedule(List.of());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return faults.isEmpty();
    }

    /** Reads {@code file}; {@code admin} turns block and stall faults into actions (null: there is no admin API). */
    public static FaultSchedule read(Path file, AdminFaults admin, long measuredSeconds) {
        return parse(yaml(file, "--faults"), file.getFileName().toString(), admin, measuredSeconds);
    }

    /** Reads a schedule shipped as text (e.g. a resource); {@code where} names it in error sentences. */
    public static FaultSchedule fromText(String yaml, String where, AdminFaults admin, long measuredSeconds) {
        return parse(YamlFile.parse(yaml, where), where, admin, measuredSeconds);
    }

    /** Whether a {@code --profile} file has a {@code faults:} section. */
    public static boolean inProfile(Path profile) {
        return yaml(profile, "--profile") instanceof Map<?, ?> map && map.containsKey("faults");
    }

    /** The {@code faults:} section of a {@code --profile} file, checked like a {@code --faults} file; null when it has none. */
    public static FaultSchedule readProfile(Path profile, AdminFaults admin, long measuredSeconds) {
        if (!(yaml(profile, "--profile") instanceof Map<?, ?> map) || !map.containsKey("faults")) return null;
        Map<String, Object> section = new HashMap<>();
        section.put("faults", map.get("faults"));
        return parse(section, profile.getFileName() + " (faults:)", admin, measuredSeconds);
    }

    private static Object yaml(Path file, String flag) {
        return YamlFile.read(file, flag);
    }

    public static FaultSchedule parse(Object root, String where, AdminFaults admin, long measuredSeconds) {
        if (!(root instanceof Map<?, ?> map) || !map.containsKey("faults") || map.size() != 1) {
            throw new IllegalArgumentException(where + " must hold one key, faults: a list of faults such as "
                    + "{ name: cache-down, at: 20s, for: 10s, block: cache, down: true }");
        }
        if (!(map.get("faults") instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException(where + ": faults must be a list with at least one fault");
        }
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = where + " fault " + (i + 1);
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new IllegalArgumentException(at + " must be a map such as { name: pause, at: 80s, stall: 2s }");
            }
            FaultSpec f = fault(item, at, admin);
            String named = where + " fault '" + f.name() + "'";
            for (FaultSpec earlier : out) {
                if (earlier.name().equals(f.name())) throw new IllegalArgumentException(named + ": the name is taken by an earlier fault");
                boolean sameTarget = (f.kind().equals("block") || f.kind().equals("stall")) && earlier.kind().equals(f.kind())
                        && earlier.target().equals(f.target());
                if (sameTarget && earlier.overlaps(f)) {
                    throw new IllegalArgumentException(named + " overlaps fault '" + earlier.name() + "' on " + f.target()
                            + "; one fault at a time on a block");
                }
            }
            if (f.end().compareTo(Duration.ofSeconds(measuredSeconds)) > 0) {
                throw new IllegalArgumentException(named + " ends at " + seconds(f.end()) + ", after the run's " + measuredSeconds
                        + " s measured window; move it earlier or run longer");
            }
            out.add(f);
        }
        return new FaultSchedule(out);
    }

    private static FaultSpec fault(Map<?, ?> item, String where, AdminFaults admin) {
        for (Object key : item.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; a fault has " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        Object rawName = item.get("name");
        if (!(rawName instanceof String name) || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(where + " needs a name of letters, digits, '.', '_' or '-', e.g. name: cache-down");
        }
        where = where + " (" + name + ")";
        Duration at = duration(item, "at", where, true);
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("block", "stall", "exec", "http")) if (item.containsKey(k)) kinds.add(k);
        if (kinds.size() != 1) {
            throw new IllegalArgumentException(where + " needs exactly one of block, stall, exec or http" + (kinds.isEmpty() ? "" : ", not "
                    + String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        if (!kind.equals("block")) {
            for (String k : BLOCK_KEYS) {
                if (item.containsKey(k)) throw new IllegalArgumentException(where + ": " + k + " goes with block, not with " + kind);
            }
        }
        if (kind.equals("stall")) {
            if (item.containsKey("for")) throw new IllegalArgumentException(where + ": a stall lasts as long as it says; drop for");
            Duration length = duration(item, "stall", where, true);
            if (length.isZero() || length.compareTo(MAX_STALL) > 0) {
                throw new IllegalArgumentException(where + ": stall must be from 1ms to 60s, got " + seconds(length));
            }
            AdminFaults a = admin(admin, where, "stall");
            return FaultSpec.of(name, kind, "process", at, length, a.stall(length), null);
        }
        Duration length = duration(item, "for", where, true);
        if (length.isZero()) throw new IllegalArgumentException(where + ": for must be longer than 0s");
        return switch (kind) {
            case "block" -> block(item, name, at, length, where, admin(admin, where, "block"));
            case "exec" -> exec(item.get("exec"), name, at, length, where);
            default -> http(item.get("http"), name, at, length, where);
        };
    }

    private static FaultSpec block(Map<?, ?> item, String name, Duration at, Duration length, String where, AdminFaults admin) {
        String block = String.valueOf(item.get("block"));
        if (!admin.blocks().contains(block)) {
            throw new IllegalArgumentException(where + ": unknown block '" + block + "'; the blocks are " + String.join(", ", new TreeSet<>(admin.blocks())));
        }
        Object down = item.containsKey("down") ? item.get("down") : Boolean.FALSE;
        if (!(down instanceof Boolean)) throw new IllegalArgumentException(where + ": down must be true or false");
        Duration latency = item.containsKey("latency") ? duration(item, "latency", where, true) : null;
        if (item.containsKey("latency-probability") && latency == null) {
            throw new IllegalArgumentException(where + ": latency-probability goes with latency");
        }
        double latencyP = item.containsKey("latency-probability") ? probability(item.get("latency-probability"), where, "latency-probability") : 1;
        double errorP = item.containsKey("error-probability") ? probability(item.get("error-probability"), where, "error-probability") : 0;
        if (!(Boolean) down && latency == null && errorP == 0) {
            throw new IllegalArgumentException(where + " does nothing to " + block + "; give down: true, latency or error-probability");
        }
        return FaultSpec.of(name, "block", block, at, length, admin.blockStart(block, (Boolean) down, latency, latencyP, errorP),
                admin.blockStop(block));
    }

    private static FaultSpec exec(Object raw, String name, Duration at, Duration length, String where) {
        Map<?, ?> m = actions(raw, where, "exec", "{ start: \"tc qdisc add ...\", stop: \"tc qdisc del ...\" }");
        FaultAction start = FaultAction.command(command(m.get("start"), where, "start"));
        FaultAction stop = m.containsKey("stop") ? FaultAction.command(command(m.get("stop"), where, "stop")) : null;
        return FaultSpec.of(name, "exec", start.describe(), at, length, start, stop);
    }

    private static FaultSpec http(Object raw, String name, Duration at, Duration length, String where) {
        Map<?, ?> m = actions(raw, where, "http", "{ start: { method: PUT, url: \"http://...\", body: \"...\" }, stop: { method: DELETE, url: \"http://...\" } }");
        FaultAction start = request(m.get("start"), where + " http start");
        FaultAction stop = m.containsKey("stop") ? request(m.get("stop"), where + " http stop") : null;
        return FaultSpec.of(name, "http", start.describe(), at, length, start, stop);
    }

    private static Map<?, ?> actions(Object raw, String where, String kind, String example) {
        if (!(raw instanceof Map<?, ?> m) || !m.containsKey("start")) {
            throw new IllegalArgumentException(where + ": " + kind + " must be a map with start (and stop), e.g. " + example);
        }
        for (Object k : m.keySet()) {
            if (!k.equals("start") && !k.equals("stop")) {
                throw new IllegalArgumentException(where + ": " + kind + " has start and stop, not '" + k + "'");
            }
        }
        return m;
    }

    private static String command(Object raw, String where, String which) {
        if (!(raw instanceof String s) || s.isBlank()) throw new IllegalArgumentException(where + ": exec " + which + " must be a command line");
        return s;
    }

    private static FaultAction request(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> m)) throw new IllegalArgumentException(where + " must be a map with method, url, and body or headers");
        for (Object k : m.keySet()) {
            if (!Set.of("method", "url", "body", "headers").contains(String.valueOf(k))) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "'; a request has method, url, body and headers");
            }
        }
        String method = String.valueOf(m.containsKey("method") ? m.get("method") : "POST").toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
            throw new IllegalArgumentException(where + ": method " + method + " is not one of GET, POST, PUT, DELETE, PATCH");
        }
        URI url;
        try {
            url = URI.create(String.valueOf(m.get("url")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": url '" + m.get("url") + "' is not a URL");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(where + ": url '" + m.get("url") + "' must be an http:// or https:// URL with a host");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (m.get("headers") instanceof Map<?, ?> h) h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        else if (m.containsKey("headers")) throw new IllegalArgumentException(where + ": headers must be a map of name: value");
        Object body = m.get("body");
        return FaultAction.request(method, url, headers, body == null ? null : body instanceof String s ? s : json(body, where));
    }

    private static String json(Object body, String where) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": body cannot be written as JSON");
        }
    }

    private static AdminFaults admin(AdminFaults admin, String where, String kind) {
        if (admin == null) {
            throw new IllegalArgumentException(where + ": " + kind + " faults drive the reference service's admin API; run without --target "
                    + "(loadlab starts the service) or give --admin URL, or use exec or http faults");
        }
        return admin;
    }

    private static Duration duration(Map<?, ?> item, String key, String where, boolean required) {
        Object raw = item.get(key);
        if (raw == null) {
            if (required) throw new IllegalArgumentException(where + " needs " + key + ", e.g. " + key + ": 10s");
            return null;
        }
        return Durations.parse(where + ": " + key, String.valueOf(raw));
    }

    private static double probability(Object raw, String where, String key) {
        double p;
        if (raw instanceof Number n) p = n.doubleValue();
        else if (raw instanceof String s && s.strip().endsWith("%")) {
            try {
                p = Double.parseDouble(s.strip().replace("%", "")) / 100;
            } catch (NumberFormatException e) {
                p = Double.NaN;
            }
        } else p = Double.NaN;
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(where + ": " + key + " must be from 0 to 1 (or 0% to 100%), got " + raw);
        return p;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
