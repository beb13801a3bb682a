package loadlab.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import loadlab.recording.RunFiles;

/**
 * Runs the benchmarks through JMH's API, each in forked JVMs, and writes JMH's own JSON result
 * ({@code jmh.json}, unmodified in format) into a run directory. Params naming a real backend that
 * is not reachable on this machine are left out, and said so, so the rest of the suite still runs.
 */
public final class BenchRunner {
    /** How thoroughly to measure. {@link #QUICK} is a smoke test; {@link #PUBLISHABLE} is the default. */
    public record Settings(String name, int forks, int warmupIterations, int measurementIterations, int iterationSeconds) {
        public static final Settings QUICK = new Settings("quick", 1, 1, 2, 1);
        public static final Settings PUBLISHABLE = new Settings("publishable", 3, 3, 5, 1);
    }

    /** What ran: the benchmark classes, and what was left out and why. */
    public record Outcome(List<String> classes, List<String> skipped, Path jmhJson) {}

    private static final Map<String, String> REAL_BACKENDS = Map.of("redis", "Redis on 127.0.0.1:6379", "postgres", "PostgreSQL on 127.0.0.1:5432");

    private BenchRunner() {}

    /** Benchmark classes whose benchmarks match {@code include}, with their declared params. */
    public static Map<String, Map<String, List<String>>> select(String include) {
        return paramsBy(include, BenchmarkListEntry::getUserClassQName);
    }

    /** Each benchmark method matching {@code include}, by its full name, with its declared params: what {@code bench --list} shows. */
    public static Map<String, Map<String, List<String>>> benchmarks(String include) {
        return paramsBy(include, BenchmarkListEntry::getUsername);
    }

    private static Map<String, Map<String, List<String>>> paramsBy(String include, Function<BenchmarkListEntry, String> key) {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        matching(include).forEach(entry -> {
            Map<String, List<String>> params = out.computeIfAbsent(key.apply(entry), c -> new TreeMap<>());
            entry.getParams().orElse(Map.of()).forEach((k, v) -> params.put(k, Arrays.asList(v)));
        });
        return out;
    }

    private static List<BenchmarkListEntry> matching(String include) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include '" + include + "' is not a regular expression: " + e.getDescription());
        }
        List<BenchmarkListEntry> found = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(null, List.of())) {
            if (pattern.matcher(entry.getUsername()).find()) found.add(entry);
        }
        return found;
    }

    public static Outcome run(String include, Settings settings, Path dir, PrintStream out) throws RunnerException {
        Map<String, Map<String, List<String>>> classes = select(include);
        List<BenchmarkListEntry> matched = matching(include);
        if (classes.isEmpty()) throw new IllegalArgumentException("no benchmark matches --include '" + include + "'; 'loadlab bench --list' shows them");
        Map<String, Boolean> reachable = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> c : classes.entrySet()) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .forks(settings.forks())
                    .warmupIterations(settings.warmupIterations())
                    .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                    .measurementIterations(settings.measurementIterations())
                    .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                    .shouldFailOnError(true);
            for (BenchmarkListEntry e : matched) {
                if (e.getUserClassQName().equals(c.getKey())) options.include("^" + Pattern.quote(e.getUsername()) + "$");
            }
            boolean runnable = true;
            for (Map.Entry<String, List<String>> p : c.getValue().entrySet()) {
                List<String> keep = new ArrayList<>();
                for (String value : p.getValue()) {
                    String real = REAL_BACKENDS.get(value);
                    if (real == null || reachable.computeIfAbsent(value, BenchRunner::isReachable)) keep.add(value);
                    else skipped.add(simpleName(c.getKey()) + " " + p.getKey() + "=" + value + ": " + real + " is not reachable");
                }
                if (keep.isEmpty()) runnable = false;
                else options.param(p.getKey(), keep.toArray(String[]::new));
            }
            if (!runnable) continue;
            Path part = dir.resolve(".jmh-" + simpleName(c.getKey()) + ".json");
            options.result(part.toString()).resultFormat(ResultFormatType.JSON);
            PrintStream toUser = new PrintStream(new PartNamedAsResult(out, part.toString(), dir.resolve(RunFiles.JMH_JSON).toString()), true,
                    StandardCharsets.UTF_8);
            new Runner(options.build(), OutputFormatFactory.createFormatInstance(toUser, VerboseMode.NORMAL)).run();
            toUser.flush();
            results.add(read(part));
            delete(part);
        }
        for (String s : skipped) out.println("skipped: " + s);
        Path jmhJson = dir.resolve(RunFiles.JMH_JSON);
        write(jmhJson, concatenate(results));
        return new Outcome(new ArrayList<>(classes.keySet()), skipped, jmhJson);
    }

    /**
     * JMH's output with the per-class part file it saves to named as the {@code jmh.json} the
     * parts are joined into, so its "result is saved to" line points at a file that exists.
     */
    private static final class PartNamedAsResult extends OutputStream {
        private final PrintStream out;
        private final String part;
        private final String result;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        PartNamedAsResult(PrintStream out, String part, String result) {
            this.out = out;
            this.part = part;
            this.result = result;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') flush();
        }

        @Override
        public void flush() {
            out.print(line.toString(StandardCharsets.UTF_8).replace(part, result));
            out.flush();
            line.reset();
        }
    }

    /** JMH's JSON result is one array; results of several runs join into one array. */
    static String concatenate(List<String> arrays) {
        StringBuilder b = new StringBuilder("[\n");
        boolean first = true;
        for (String a : arrays) {
            String inner = a.strip();
            if (inner.length() < 2) continue;
            inner = inner.substring(1, inner.length() - 1).strip();
            if (inner.isEmpty()) continue;
            if (!first) b.append(",\n");
            b.append(inner);
            first = false;
        }
        return b.append("\n]\n").toString();
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean isReachable(String backend) {
        int port = backend.equals("redis") ? 6379 : 5432;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover partial result harms nothing
        }
    }
}
