import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.config.BenchmarkData;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hyperfoil 0.25.2 at a constant rate against the same nginx, so measure.sh can tell the machine
 * from the engine: one event loop and 64 connections like loadlab's defaults, a warm-up phase, then
 * a measured phase. Prints one tab-separated line: requests, errors, response p99 (µs, from the send:
 * Hyperfoil 0.25 reports the time a session waited apart, as blocked time), blocked ms, requests per
 * CPU-second and event-loop wake-ups per second over the same steady window measure.sh samples.
 *
 * <p>Hyperfoil 0.25 starts arrivals on a millisecond clock ({@code System.currentTimeMillis} and
 * {@code schedule(..., MILLISECONDS)} in {@code PhaseInstanceImpl$OpenModelPhase}): at 10,000/s it wakes
 * about once a millisecond and starts ten users at a time, which is what the wake-up column shows.
 *
 * <pre>java -cp "$(cat hyperfoil.cp)" HyperfoilAtRate.java PORT RATE DURATION_S WARMUP_S WINDOW_S</pre>
 */
public class HyperfoilAtRate {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]), rate = Integer.parseInt(args[1]), duration = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]), window = Integer.parseInt(args[4]);
        String phase = "    constantRate:\n      usersPerSec: " + rate + "\n      maxSessions: " + Math.max(1000, rate / 5) + "\n";
        String yaml = "name: beside\nthreads: 1\nhttp:\n  host: http://127.0.0.1:" + port + "\n  sharedConnections: 64\nphases:\n"
                + "- warmup:\n" + phase + "      duration: " + warmup + "s\n      scenario: &s\n      - get:\n        - httpRequest:\n            GET: /file\n"
                + "- main:\n" + phase + "      startAfter: warmup\n      duration: " + duration + "s\n      scenario: *s\n";
        BenchmarkParser parser = BenchmarkParser.instance();
        Benchmark benchmark = parser.buildBenchmark(parser.createSource(yaml, BenchmarkData.EMPTY), Map.of());
        StatisticsSnapshot measured = new StatisticsSnapshot();
        long[] cpu = new long[2], wakes = new long[2], nanos = new long[2];
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep((warmup + 3) * 1000L);
                cpu[0] = cpuTicks(); wakes[0] = loopWakes(); nanos[0] = System.nanoTime();
                Thread.sleep(window * 1000L);
                cpu[1] = cpuTicks(); wakes[1] = loopWakes(); nanos[1] = System.nanoTime();
            } catch (InterruptedException | IOException e) {
                nanos[1] = 0;
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        new LocalSimulationRunner(benchmark, (p, stepId, metric, snapshot, countDown) -> {
            if (p.name().equals("main")) synchronized (measured) { measured.add(snapshot); }
        }, (p, min, max) -> { }, (authority, tag, min, max) -> { }).run();
        sampler.join();
        double wall = (nanos[1] - nanos[0]) / 1e9, cpuSeconds = (cpu[1] - cpu[0]) / 100.0;
        System.out.printf("%d\t%d\t%d\t%d\t%.0f\t%.0f%n", measured.requestCount, measured.errors(),
                measured.histogram.getValueAtPercentile(99) / 1000, measured.blockedTime / 1_000_000,
                nanos[1] == 0 || cpuSeconds <= 0 ? Double.NaN : rate * wall / cpuSeconds, nanos[1] == 0 ? Double.NaN : (wakes[1] - wakes[0]) / wall);
        System.exit(0);
    }

    /** User and system clock ticks of this JVM (USER_HZ is 100 on Linux). */
    private static long cpuTicks() throws IOException {
        String[] f = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Voluntary context switches of the event-loop threads: how often they went to sleep and were woken. */
    private static long loopWakes() throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (!Files.readString(t.resolve("comm")).startsWith("epollEventLoop")) continue;
                for (String line : Files.readAllLines(t.resolve("status"))) {
                    if (line.startsWith("voluntary_ctxt_switches:")) sum += Long.parseLong(line.split("\\s+")[1]);
                }
            }
        }
        return sum;
    }
}
