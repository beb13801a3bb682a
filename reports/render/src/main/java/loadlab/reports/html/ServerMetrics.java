package loadlab.reports.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import loadlab.recording.RunFiles;

/**
 * The target's own metrics over the run, from {@code server-metrics.jsonl}, as charts a reader can
 * take in: counters ({@code _total}) become rates per second, timers and summaries ({@code _count}
 * with {@code _sum}) become the mean of each scrape interval beside their {@code _max}, gauges are
 * drawn as they are. Gauges that never change and rates that stay at zero are left out, families with many label sets are added
 * up, and the target's own metrics come before the JVM's, GC, CPU and heap first among those. It
 * knows Prometheus and Micrometer naming only, never a particular service.
 *
 * @param charts      the charts, in reading order
 * @param notCharted  families that moved but were left out to keep the page small
 * @param failedScrapes scrapes that returned an error instead of samples
 */
public record ServerMetrics(List<Chart> charts, List<String> notCharted, int scrapes, int failedScrapes) {
    static final int MAX_CHARTS = 36;
    static final int MAX_POINTS = 1200;
    /** Families with more label sets than this are drawn as one added-up series. */
    static final int MAX_SERIES = 6;
    private static final List<String> FIRST = List.of("jvm_gc_pause_seconds", "process_cpu_usage", "jvm_memory_used_bytes");
    private static final List<String> PLATFORM = List.of("jvm_", "process_", "system_", "jetty_", "http_server_", "executor",
            "hikaricp_", "logback_", "disk_", "tomcat_", "netty_");
    private static final List<String> NEVER = List.of("process_start_time_seconds", "process_uptime_seconds", "jvm_info",
            "jvm_memory_max_bytes", "jvm_gc_max_data_size_bytes", "system_cpu_count");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One chart: a family of samples over time.
     *
     * @param unit "seconds", "bytes", "ratio", "per_s", "bytes_per_s" or "" (a plain number)
     */
    public record Chart(String title, String unit, List<Double> seconds, List<Line> series) {}

    public record Line(String label, List<Double> values) {}

    /** One scrape: when, relative to the origin, and its samples. */
    private record Scrape(double seconds, Map<String, Double> samples) {}

    /** Reads the file if the run has one; null otherwise. Scrapes outside the window are skipped. */
    public static ServerMetrics read(Path dir, long originMillis, double fromSeconds, double toSeconds) {
        Path file = dir.resolve(RunFiles.SERVER_METRICS);
        if (!Files.isRegularFile(file)) return null;
        List<Scrape> scrapes = new ArrayList<>();
        int[] failed = {0};
        int[] total = {0};
        readLines(file, node -> {
            total[0]++;
            if (!node.path("samples").isObject()) {
                failed[0]++;
                return;
            }
            double at = (node.path("ts_ms").asLong() - originMillis) / 1000.0;
            if (at < fromSeconds || at > toSeconds) return;
            Map<String, Double> samples = new LinkedHashMap<>();
            node.path("samples").fields().forEachRemaining(f -> {
                if (f.getValue().isNumber()) samples.put(f.getKey(), f.getValue().asDouble());
            });
            scrapes.add(new Scrape(at, samples));
        });
        List<Chart> all = ordered(thin(scrapes));
        return new ServerMetrics(all.stream().limit(MAX_CHARTS).toList(), all.stream().skip(MAX_CHARTS).map(Chart::title).toList(),
                total[0], failed[0]);
    }

    /** A line cut short at the very end (the run was killed mid-write) is skipped; any other bad line is an error. */
    private static void readLines(Path file, Consumer<JsonNode> sink) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int badNo = 0;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                if (badNo > 0) {
                    throw new IllegalArgumentException(file + " line " + badNo + " is not a JSON scrape; the file is damaged "
                            + "(delete it to report the run without server metrics)");
                }
                try {
                    sink.accept(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    badNo = n;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps at most {@link #MAX_POINTS} scrapes, evenly; rates over the longer steps stay exact averages. */
    private static List<Scrape> thin(List<Scrape> scrapes) {
        int step = (int) Math.ceil(scrapes.size() / (double) MAX_POINTS);
        if (step <= 1) return scrapes;
        List<Scrape> kept = new ArrayList<>();
        for (int i = 0; i < scrapes.size(); i += step) kept.add(scrapes.get(i));
        if (kept.get(kept.size() - 1) != scrapes.get(scrapes.size() - 1)) kept.add(scrapes.get(scrapes.size() - 1));
        return kept;
    }

    /** How a family's samples are read. */
    private enum Kind { COUNTER, TIMER, GAUGE }

    /** A family: its base name, kind and label sets ("" for none). */
    private record Family(String name, Kind kind, List<String> labelSets) {}

    private static Map<String, Family> families(List<Scrape> scrapes) {
        Map<String, String> seen = new TreeMap<>();
        for (Scrape s : scrapes) s.samples().keySet().forEach(k -> seen.put(k, k));
        Map<String, Kind> kinds = new TreeMap<>();
        Map<String, List<String>> labelSets = new TreeMap<>();
        for (String key : seen.keySet()) {
            String name = nameOf(key);
            String labels = labelsOf(key);
            String base;
            Kind kind;
            if (name.endsWith("_count") && seen.containsKey(strip(name, "_count") + "_sum" + braces(labels))) {
                base = strip(name, "_count");
                kind = Kind.TIMER;
            } else if (name.endsWith("_sum") && seen.containsKey(strip(name, "_sum") + "_count" + braces(labels))) {
                continue;
            } else if (name.endsWith("_max") && seen.containsKey(strip(name, "_max") + "_count" + braces(labels))) {
                continue;
            } else if (name.endsWith("_total")) {
                base = name;
                kind = Kind.COUNTER;
            } else if (name.endsWith("_created")) {
                continue;
            } else {
                base = name;
                kind = Kind.GAUGE;
            }
            if (NEVER.contains(base)) continue;
            kinds.put(base, kind);
            labelSets.computeIfAbsent(base, b -> new ArrayList<>()).add(labels);
        }
        Map<String, Family> out = new LinkedHashMap<>();
        kinds.forEach((base, kind) -> out.put(base, new Family(base, kind, labelSets.get(base))));
        return out;
    }

    private static List<Chart> ordered(List<Scrape> scrapes) {
        if (scrapes.size() < 2) return List.of();
        List<Double> seconds = scrapes.stream().skip(1).map(s -> Math.round(s.seconds() * 10) / 10.0).toList();
        List<Chart> charts = new ArrayList<>();
        for (Family f : families(scrapes).values()) {
            List<Line> lines = switch (f.kind()) {
                case COUNTER -> lines(f, scrapes, ServerMetrics::rate, "/s");
                case GAUGE -> lines(f, scrapes, (key, prev, cur, dt) -> cur.samples().get(key), "");
                case TIMER -> timerLines(f, scrapes);
            };
            lines = lines.stream().filter(f.kind() == Kind.GAUGE ? ServerMetrics::moves : ServerMetrics::active).toList();
            if (lines.isEmpty()) continue;
            charts.add(new Chart(title(f), unit(f), seconds, lines));
        }
        charts.sort(Comparator.comparingInt(ServerMetrics::rank).thenComparing(Chart::title));
        return charts;
    }

    private interface Reading {
        Double value(String key, Scrape prev, Scrape cur, double dt);
    }

    /** One line per label set, or one added-up line when there are more than {@link #MAX_SERIES}. */
    private static List<Line> lines(Family f, List<Scrape> scrapes, Reading reading, String suffix) {
        boolean sum = f.labelSets().size() > MAX_SERIES;
        List<String> sets = sum ? List.of("") : f.labelSets();
        List<Line> lines = new ArrayList<>();
        for (String set : sets) {
            List<Double> values = new ArrayList<>();
            for (int i = 1; i < scrapes.size(); i++) {
                Scrape prev = scrapes.get(i - 1);
                Scrape cur = scrapes.get(i);
                double dt = cur.seconds() - prev.seconds();
                Double v;
                if (sum) {
                    double total = 0;
                    boolean any = false;
                    for (String s : f.labelSets()) {
                        Double one = dt > 0 ? reading.value(f.name() + braces(s), prev, cur, dt) : null;
                        if (one != null && Double.isFinite(one)) {
                            total += one;
                            any = true;
                        }
                    }
                    v = any ? total : null;
                } else {
                    v = dt > 0 ? reading.value(f.name() + braces(set), prev, cur, dt) : null;
                }
                values.add(round(v));
            }
            String label = sum ? "sum of " + f.labelSets().size() + " series" : set.isEmpty() ? f.name() + suffix : set.replace("\"", "");
            lines.add(new Line(label, values));
        }
        return lines;
    }

    /** A timer's mean per scrape interval (added over label sets) and its largest recent max. */
    private static List<Line> timerLines(Family f, List<Scrape> scrapes) {
        List<Double> mean = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (int i = 1; i < scrapes.size(); i++) {
            Scrape prev = scrapes.get(i - 1);
            Scrape cur = scrapes.get(i);
            double count = 0;
            double sum = 0;
            Double top = null;
            for (String s : f.labelSets()) {
                Double dc = delta(f.name() + "_count" + braces(s), prev, cur);
                Double ds = delta(f.name() + "_sum" + braces(s), prev, cur);
                if (dc != null && ds != null && dc > 0) {
                    count += dc;
                    sum += ds;
                }
                Double m = cur.samples().get(f.name() + "_max" + braces(s));
                if (m != null) top = top == null ? m : Math.max(top, m);
            }
            mean.add(count > 0 ? round(sum / count) : null);
            max.add(round(top));
        }
        String over = f.labelSets().size() > 1 ? " (all " + f.labelSets().size() + " series)" : "";
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("mean" + over, mean));
        if (max.stream().anyMatch(v -> v != null)) lines.add(new Line("max" + over, max));
        return lines;
    }

    private static Double rate(String key, Scrape prev, Scrape cur, double dt) {
        Double d = delta(key, prev, cur);
        return d == null ? null : d / dt;
    }

    /** A counter's increase between scrapes; null across a reset or where either scrape lacks it. */
    private static Double delta(String key, Scrape prev, Scrape cur) {
        Double a = prev.samples().get(key);
        Double b = cur.samples().get(key);
        if (a == null || b == null || b < a) return null;
        return b - a;
    }

    /** A rate or a mean says something when it is ever above zero, even if it is steady. */
    private static boolean active(Line line) {
        return line.values().stream().anyMatch(v -> v != null && v != 0);
    }

    /** A gauge says something when it changes. */
    private static boolean moves(Line line) {
        Double first = null;
        for (Double v : line.values()) {
            if (v == null) continue;
            if (first == null) first = v;
            else if (!v.equals(first)) return true;
        }
        return false;
    }

    private static int rank(Chart c) {
        String family = c.title().split(" ")[0];
        int first = FIRST.indexOf(family);
        if (first >= 0) return 1 + first;
        return PLATFORM.stream().anyMatch(family::startsWith) ? 10 : 0;
    }

    private static String title(Family f) {
        return switch (f.kind()) {
            case COUNTER -> f.name() + " per second";
            case TIMER -> f.name() + " (mean and max per scrape)";
            case GAUGE -> f.name();
        };
    }

    private static String unit(Family f) {
        if (f.kind() == Kind.COUNTER) return f.name().contains("_bytes") ? "bytes_per_s" : "per_s";
        if (f.name().endsWith("_seconds")) return "seconds";
        if (f.name().endsWith("_bytes")) return "bytes";
        if (f.name().endsWith("_ratio") || f.name().endsWith("_usage")) return "ratio";
        return "";
    }

    private static Double round(Double v) {
        if (v == null || !Double.isFinite(v)) return null;
        if (v == 0) return 0.0;
        return new BigDecimal(v).round(new MathContext(4)).doubleValue();
    }

    private static String nameOf(String key) {
        int brace = key.indexOf('{');
        return brace < 0 ? key : key.substring(0, brace);
    }

    private static String labelsOf(String key) {
        int brace = key.indexOf('{');
        return brace < 0 ? "" : key.substring(brace + 1, key.lastIndexOf('}'));
    }

    private static String braces(String labels) {
        return labels.isEmpty() ? "" : "{" + labels + "}";
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }
}
