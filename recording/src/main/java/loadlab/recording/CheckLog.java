package loadlab.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code checks.json}: every named check's passes and fails per request name, written by the
 * injector each second (so an interrupted run keeps them) and added up by {@code merge}. A run
 * without checks has no such file. The requests that failed a check are in the interval logs
 * under cause {@code check} like every failure; this file says which check and why.
 */
public record CheckLog(String schema, Map<String, List<CheckCount>> requests) {
    public static final String FILE = "checks.json";
    public static final String SCHEMA = "loadlab.checks/1";

    public CheckLog {
        Map<String, List<CheckCount>> copy = new TreeMap<>();
        if (requests != null) requests.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        requests = Collections.unmodifiableMap(copy);
    }

    public static CheckLog of(Map<String, List<CheckCount>> requests) {
        return new CheckLog(SCHEMA, requests);
    }

    /** The run's checks, or null when it has none; a file that cannot be read is a damaged run. */
    public static CheckLog read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) return null;
        CheckLog log = RunFiles.read(file, CheckLog.class);
        if (!SCHEMA.equals(log.schema())) throw DamagedRunException.of(file, "has schema '" + log.schema() + "', expected " + SCHEMA);
        for (var e : log.requests().entrySet()) {
            for (CheckCount c : e.getValue()) {
                if (c == null) throw DamagedRunException.of(file, "has an empty check under request '" + e.getKey() + "'");
            }
        }
        return log;
    }

    /** The checks of one request name, or of every name added up by check name for {@link RequestHistograms#ALL}; empty when none. */
    public List<CheckCount> of(String name) {
        if (!RequestHistograms.ALL.equals(name)) return requests.getOrDefault(name, List.of());
        Map<String, CheckCount> sum = new LinkedHashMap<>();
        requests.values().forEach(list -> list.forEach(c -> sum.merge(c.name(), c, CheckCount::plus)));
        return new ArrayList<>(sum.values());
    }

    /** Two logs added up, check by check: the segments of one run. */
    public CheckLog plus(CheckLog other) {
        if (other == null) return this;
        Map<String, List<CheckCount>> out = new TreeMap<>();
        for (CheckLog log : List.of(this, other)) {
            log.requests.forEach((name, checks) -> {
                Map<String, CheckCount> byName = new LinkedHashMap<>();
                for (CheckCount c : out.getOrDefault(name, List.of())) byName.put(c.name(), c);
                for (CheckCount c : checks) byName.merge(c.name(), c, CheckCount::plus);
                out.put(name, new ArrayList<>(byName.values()));
            });
        }
        return of(out);
    }

    /** Failed check evaluations of one request name (or all). */
    public long fails(String name) {
        return of(name).stream().mapToLong(CheckCount::fails).sum();
    }
}
