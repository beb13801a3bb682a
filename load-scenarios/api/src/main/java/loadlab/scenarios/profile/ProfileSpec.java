package loadlab.scenarios.profile;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import loadlab.recording.YamlFile;

/**
 * A load profile as the user wrote it, on the command line or in a YAML file; {@link #toProfile()}
 * checks it and turns it into a {@link LoadProfile}. Examples:
 * <pre>
 *   --rate 500/s --duration 30s
 *   --ramp 100/s..2000/s --duration 2m
 *   --stairs 250/s+250/s*8 --hold 20s       (8 levels: 250/s, 500/s, ... 2000/s, 20 s each)
 *   --concurrency 32 --duration 1m          (closed model)
 *   --warmup 10s                            (run first, not counted; default 5s)
 *   --profile load.yaml                     (phases: [{rate: 100/s, duration: 30s}, {ramp: 100/s..500/s, duration: 1m}])
 * </pre>
 */
public record ProfileSpec(String rate, String ramp, String stairs, String hold, Integer concurrency, String duration,
                          String warmup, String file) {
    private static final Pattern RAMP = Pattern.compile("(.+)\\.\\.(.+)");
    private static final Pattern STAIRS = Pattern.compile("(.+)\\+(.+)\\*(\\d+)");
    public static final String DEFAULT_WARMUP = "5s";

    /** The profile these flags describe; one that asks for no request at all is refused before any load. */
    public LoadProfile toProfile() {
        LoadProfile p = build();
        if (p instanceof OpenProfile open && open.measuredArrivals() == 0) {
            throw new IllegalArgumentException("the profile asks for no requests in its measured window (" + open.describe().text()
                    + "); give a rate above 0, e.g. --rate 100/s");
        }
        return p;
    }

    private LoadProfile build() {
        int shapes = count(rate) + count(ramp) + count(stairs) + (concurrency == null ? 0 : 1) + count(file);
        if (shapes > 1) throw new IllegalArgumentException("give one of --rate, --ramp, --stairs, --concurrency or --profile, not several");
        long warm = Durations.wholeSeconds("--warmup", Durations.parse("--warmup", warmup == null ? DEFAULT_WARMUP : warmup));
        if (file != null) return fromFile(Path.of(file), warmup);
        if (concurrency != null) return new ClosedProfile(concurrency, seconds("--duration", required("--duration", duration)), warm, null);
        if (stairs != null) {
            if (duration != null) throw new IllegalArgumentException("--stairs takes --hold (time per level), not --duration");
            return new OpenProfile(stairs("--stairs", stairs, seconds("--hold", required("--hold", hold))), warm);
        }
        if (hold != null) throw new IllegalArgumentException("--hold goes with --stairs");
        if (ramp != null) return new OpenProfile(List.of(ramp("--ramp", ramp, seconds("--duration", required("--duration", duration)))), warm);
        Rate r = Rate.parse("--rate", rate == null ? "100/s" : rate);
        return new OpenProfile(List.of(new RatePhase(r.perSecond(), r.perSecond(), seconds("--duration", duration == null ? "30s" : duration))), warm);
    }

    private static int count(String s) {
        return s == null ? 0 : 1;
    }

    private static String required(String flag, String value) {
        if (value == null) throw new IllegalArgumentException(flag + " is needed with this profile, e.g. " + flag + " 30s");
        return value;
    }

    private static long seconds(String flag, String text) {
        long s = Durations.wholeSeconds(flag, Durations.parse(flag, text));
        if (s < 1) throw new IllegalArgumentException(flag + " must be at least 1s");
        return s;
    }

    static RatePhase ramp(String flag, String text, long seconds) {
        Matcher m = RAMP.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(flag + " '" + text + "' is not a ramp; write it like 100/s..2000/s");
        return new RatePhase(Rate.parse(flag, m.group(1)).perSecond(), Rate.parse(flag, m.group(2)).perSecond(), seconds);
    }

    static List<RatePhase> stairs(String flag, String text, long holdSeconds) {
        Matcher m = STAIRS.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(flag + " '" + text + "' is not a staircase; write it like 250/s+250/s*8 (start + step * levels)");
        double start = Rate.parse(flag, m.group(1)).perSecond();
        double step = Rate.parse(flag, m.group(2)).perSecond();
        int levels = Integer.parseInt(m.group(3));
        if (levels < 1 || levels > 1000) throw new IllegalArgumentException(flag + " needs from 1 to 1000 levels, got " + levels);
        List<RatePhase> phases = new ArrayList<>();
        for (int i = 0; i < levels; i++) phases.add(new RatePhase(start + i * step, start + i * step, holdSeconds));
        return phases;
    }

    /** What a profile file may hold; {@code faults:} is read by the fault schedule, the rest here. */
    private static final List<String> FILE_KEYS = List.of("phases", "concurrency", "duration", "warmup", "faults");

    @SuppressWarnings("unchecked")
    static LoadProfile fromFile(Path path, String warmupFlag) {
        Object root = YamlFile.read(path, "--profile");
        if (root == null) throw new IllegalArgumentException("--profile " + path + " is empty");
        if (!(root instanceof Map<?, ?>)) throw new IllegalArgumentException("--profile " + path + " must be a mapping with phases: (or concurrency: and duration:)");
        Map<String, Object> yaml = (Map<String, Object>) root;
        for (String key : yaml.keySet()) {
            if (!FILE_KEYS.contains(key)) {
                throw new IllegalArgumentException(path + ": unknown key '" + key + "'; a profile has " + String.join(", ", FILE_KEYS));
            }
        }
        String warm = warmupFlag != null ? warmupFlag : String.valueOf(yaml.getOrDefault("warmup", DEFAULT_WARMUP));
        long warmSeconds = Durations.wholeSeconds("warmup", Durations.parse(path + ": warmup", warm));
        if (yaml.containsKey("concurrency")) {
            Object c = yaml.get("concurrency");
            if (!(c instanceof Integer n)) throw new IllegalArgumentException(path + ": concurrency must be a whole number");
            return new ClosedProfile(n, seconds(path + ": duration", String.valueOf(yaml.get("duration"))), warmSeconds, null);
        }
        Object list = yaml.get("phases");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException(path + " needs 'phases:' (a list of {rate|ramp|stairs, duration|hold}) or 'concurrency:' and 'duration:'");
        }
        List<RatePhase> phases = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> raw)) throw new IllegalArgumentException(path + ": each phase must be a map such as {rate: 100/s, duration: 30s}");
            Map<String, Object> p = (Map<String, Object>) raw;
            String where = path + ": phase " + (phases.size() + 1);
            if (p.containsKey("rate")) {
                Rate r = Rate.parse(where + " rate", String.valueOf(p.get("rate")));
                phases.add(new RatePhase(r.perSecond(), r.perSecond(), seconds(where + " duration", String.valueOf(p.get("duration")))));
            } else if (p.containsKey("ramp")) {
                phases.add(ramp(where + " ramp", String.valueOf(p.get("ramp")), seconds(where + " duration", String.valueOf(p.get("duration")))));
            } else if (p.containsKey("stairs")) {
                phases.addAll(stairs(where + " stairs", String.valueOf(p.get("stairs")), seconds(where + " hold", String.valueOf(p.get("hold")))));
            } else {
                throw new IllegalArgumentException(where + " needs rate, ramp or stairs");
            }
        }
        return new OpenProfile(phases, warmSeconds);
    }

}
