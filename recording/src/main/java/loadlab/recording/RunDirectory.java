package loadlab.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.Histogram;

/**
 * A run directory ({@code runs/<UTC timestamp>-<name>/}, with {@code runs/latest} pointing at the
 * newest) as a typed model: the only contract between measuring and analysing, and the one way any
 * reader (summary, report, compare, gate, merge, the CLI) reads it. {@link #open} validates it once:
 * the manifest, every interval log (header, whole lines, times inside the run's window) and the
 * summary against the logs; it decides the run's {@link RunState}. A file that cannot be trusted is a
 * {@link DamagedRunException} naming it, never figures of zero.
 */
public final class RunDirectory {
    public static final String LATENCY = "latency.hlog";
    public static final String SERVICE = "service.hlog";
    /** Each response's {@code Server-Timing} entries, tag {@code request/entry} ({@link RequestName#timingTag}); only when the target sent them. */
    public static final String SERVER_TIMING = "server-timing.hlog";
    public static final String LAG = "lag.hlog";
    /** The tag, in {@link #LAG}, of the intervals of time requests waited for a free connection (untagged intervals are start lag). */
    public static final String BLOCKED = "blocked";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Slack around the run's window for intervals that were in flight at its edges. */
    private static final long EDGE_MILLIS = 3_600_000;

    private final Path dir;
    private final RunManifest manifest;
    private final Summary summary;

    private RunDirectory(Path dir, RunManifest manifest, Summary summary) {
        this.dir = dir;
        this.manifest = manifest;
        this.summary = summary;
    }

    /** Opens and validates a run directory; a load run's summary is computed from its logs and checked against {@code summary.json}. */
    public static RunDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a directory; pass a run directory such as runs/latest");
        RunManifest manifest = readManifest(dir);
        if (manifest.kind() == RunKind.BENCH) return new RunDirectory(dir, manifest, null);
        RunDirectory unchecked = new RunDirectory(dir, manifest, null);
        boolean stoppedEarly = manifest.stoppedEarly();
        RequestHistograms latency = new RequestHistograms();
        RequestHistograms service = new RequestHistograms();
        Histogram lag = Histograms.empty();
        Histogram blocked = Histograms.empty();
        FaultLog faults = FaultLog.read(dir);
        FaultImpact.Seconds perSecond = faults == null ? null : new FaultImpact.Seconds(manifest.measureFromMillis());
        unchecked.read(LATENCY, stoppedEarly, perSecond == null ? latency::add : e -> {
            latency.add(e);
            perSecond.add(e);
        });
        unchecked.read(SERVICE, stoppedEarly, service::add);
        unchecked.read(LAG, stoppedEarly, e -> (BLOCKED.equals(e.name()) ? blocked : lag).add(e.histogram()));
        ServerTimings timings = null;
        if (Files.exists(dir.resolve(SERVER_TIMING))) {
            timings = new ServerTimings();
            unchecked.read(SERVER_TIMING, stoppedEarly, timings::add);
        }
        Summary summary = RunSummarizer.summarize(manifest, latency, service, lag, blocked, faults, perSecond, CheckLog.read(dir))
                .withVerification(Verification.read(dir)).withServerTiming(timings == null ? null : timings.summary());
        checkWrittenSummary(dir, summary);
        return new RunDirectory(dir, manifest, summary);
    }

    /** Only the run's manifest, checked as {@link #open} checks it, without reading the logs: for what needs no more. */
    public static RunManifest manifestOf(Path dir) {
        return readManifest(dir);
    }

    private static RunManifest readManifest(Path dir) {
        Path file = dir.resolve(RunManifest.FILE);
        if (!Files.isRegularFile(file)) throw DamagedRunException.of(file, "is missing; is " + dir + " a loadlab run directory?");
        RunManifest m;
        try {
            if (Files.size(file) > 1_000_000) throw DamagedRunException.of(file, "is larger than any run.json loadlab writes");
            m = RunFiles.JSON.readValue(file.toFile(), RunManifest.class);
        } catch (IOException e) {
            throw new DamagedRunException(file, file + " is not a valid run manifest: " + RunFiles.firstLine(rootMessage(e)), e);
        }
        if (m == null) throw DamagedRunException.of(file, "is empty (null); it was not written by loadlab");
        String problem = m.problem();
        if (problem != null) throw DamagedRunException.of(file, "cannot be trusted: " + problem);
        return m;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t instanceof IllegalArgumentException ? t.getMessage() : e.getMessage();
    }

    /** A summary.json that disagrees with the logs means one of them was cut short or replaced. */
    private static void checkWrittenSummary(Path dir, Summary computed) {
        Path file = dir.resolve(Summary.FILE);
        if (!Files.exists(file)) return;
        JsonNode written = RunFiles.read(file, JsonNode.class);
        if (!Summary.READABLE.contains(written.path("schema").asText())) {
            throw DamagedRunException.of(file, "has schema '" + written.path("schema").asText() + "', expected " + Summary.SCHEMA
                    + "; delete it and loadlab recomputes it from the logs");
        }
        check(file, "all requests", written.path("total").path("count"), computed.total().count());
        JsonNode requests = written.path("requests");
        for (Map.Entry<String, Summary.Stats> e : computed.requests().entrySet()) {
            check(file, "'" + e.getKey() + "'", requests.path(e.getKey()).path("count"), e.getValue().count());
        }
        for (Iterator<String> names = requests.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!computed.requests().containsKey(name)) check(file, "'" + name + "'", requests.path(name).path("count"), 0);
        }
    }

    private static void check(Path file, String what, JsonNode written, long inLogs) {
        if (!written.isIntegralNumber() || written.asLong() != inLogs) {
            throw DamagedRunException.of(file, "counts " + (written.isMissingNode() ? "no" : written.asText()) + " requests for " + what
                    + " but " + LATENCY + " holds " + inLogs + ": a log was cut short or the files come from different runs");
        }
    }

    private void read(String log, boolean stoppedEarly, Consumer<IntervalLogReader.Entry> sink) {
        Path file = dir.resolve(log);
        long from = manifest.measureFromMillis() - EDGE_MILLIS;
        long to = manifest.measureFromMillis() + manifest.profile().totalSeconds() * 1000 + EDGE_MILLIS;
        IntervalLogReader.Outcome outcome = IntervalLogReader.forEach(file, e -> {
            if (e.startMillis() < from || e.endMillis() > to || e.endMillis() < e.startMillis()) {
                throw new IntervalLogReader.CorruptLogException(file, "an interval at " + Instant.ofEpochMilli(e.startMillis())
                        + " lies outside the run's window", null);
            }
            sink.accept(e);
        });
        if (outcome.cutTail() && !stoppedEarly) {
            throw new IntervalLogReader.CorruptLogException(file, "it ends in the middle of an interval although the run finished: "
                    + "it was cut short (a full disk, or a copy that did not finish)", null);
        }
    }

    /** The run's {@code Server-Timing} entries as histograms (what the summary only states percentiles of), or null when it has none. */
    public ServerTimings serverTimings() {
        if (!hasServerTiming()) return null;
        ServerTimings t = new ServerTimings();
        serverTiming(t::add);
        return t;
    }

    /** Streams the Server-Timing log, interval by interval; nothing when the target sent no header. */
    public void serverTiming(Consumer<IntervalLogReader.Entry> sink) {
        if (hasServerTiming()) read(SERVER_TIMING, stoppedEarly(), sink);
    }

    /** Whether the target sent {@code Server-Timing} headers: the log is only written when it did. */
    public boolean hasServerTiming() {
        return Files.exists(dir.resolve(SERVER_TIMING));
    }

    /** Streams the response-time log, interval by interval, in constant memory. */
    public void latency(Consumer<IntervalLogReader.Entry> sink) {
        read(LATENCY, stoppedEarly(), sink);
    }

    /** Streams the service-time log. */
    public void service(Consumer<IntervalLogReader.Entry> sink) {
        read(SERVICE, stoppedEarly(), sink);
    }

    /** Streams the injector's log: start lag (entries named "") and blocked time (entries named {@link #BLOCKED}). */
    public void lag(Consumer<IntervalLogReader.Entry> sink) {
        read(LAG, stoppedEarly(), sink);
    }

    private boolean stoppedEarly() {
        return manifest.stoppedEarly();
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public RunManifest manifest() {
        return manifest;
    }

    public RunKind kind() {
        return manifest.kind();
    }

    /** A load run's summary, computed from its logs. */
    public Summary summary() {
        if (summary == null) throw new IllegalArgumentException(dir + " is a bench run and has no load summary");
        return summary;
    }

    /** The run's state as {@link RunSummarizer} decided it: from the summary of a load run, from the manifest of a bench run. */
    public RunState state() {
        if (summary != null) return summary.run().state();
        return RunSummarizer.benchState(manifest);
    }

    /** Why the run is not complete, in one sentence; null when it is. */
    public String stateReason() {
        if (summary != null) return summary.run().stateReason();
        return state() == RunState.COMPLETE ? null : manifest.failure() != null ? manifest.failure() : "the bench run did not finish";
    }

    /** Writes the computed summary as {@code summary.json}. */
    public void writeSummary() {
        RunFiles.write(dir.resolve(Summary.FILE), summary());
    }

    /**
     * The seconds a span of {@code width} seconds of the timeline (a report's bucket, a gate's
     * block) stands for, given the span its intervals cover: never less than the width (a second in
     * which nothing completed writes no interval and counts as time at rate zero), except for the
     * last, which the end of the run cuts short.
     */
    public static double coveredSeconds(long startMillis, long endMillis, boolean last, long width) {
        double span = Math.max(0.001, (endMillis - startMillis) / 1000.0);
        return last ? span : Math.max(width, span);
    }

    // ---- creating run directories --------------------------------------------------------------

    /** Creates a fresh run directory under {@code root}; a clear message when that is not possible. */
    public static Path create(Path root, String name, Instant now) {
        String base = STAMP.format(now) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(root);
            Path dir = root.resolve(base);
            for (int i = 2; Files.exists(dir); i++) dir = root.resolve(base + "-" + i);
            Files.createDirectory(dir);
            if (!Files.isWritable(dir)) throw new IOException("not writable");
            return dir;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create a run directory under " + root + " (" + e.getMessage()
                    + "); pass --out with a writable directory");
        }
    }

    /**
     * A run directory as users name it: the directory itself, or {@code runs/NAME} for the newest
     * run made with {@code --name NAME} ({@code runs/<UTC timestamp>-NAME}), as {@code runs/latest}
     * is the newest of all. Unchanged when nothing matches, so the caller's sentence names what was given.
     */
    public static Path resolve(Path given) {
        if (Files.isDirectory(given)) return given;
        Path root = given.toAbsolutePath().getParent();
        String name = given.getFileName() == null ? "" : given.getFileName().toString();
        if (root == null || name.isEmpty() || !Files.isDirectory(root)) return given;
        Pattern named = Pattern.compile("\\d{8}T\\d{6}Z-" + Pattern.quote(
                name.replaceAll("[^A-Za-z0-9._-]", "_")) + "(-\\d+)?");
        try (var entries = Files.list(root)) {
            return entries.filter(p -> Files.isDirectory(p) && named.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparing((Path p) -> p.getFileName().toString().substring(0, 16))
                            .thenComparing(p -> suffix(p.getFileName().toString())))
                    .map(p -> given.getParent() == null ? p.getFileName() : given.getParent().resolve(p.getFileName()))
                    .orElse(given);
        } catch (IOException e) {
            return given;
        }
    }

    private static int suffix(String dirName) {
        Matcher m = Pattern.compile("-(\\d+)$").matcher(dirName);
        return m.find() && dirName.lastIndexOf('-') > 16 ? Integer.parseInt(m.group(1)) : 1;
    }

    /** Points {@code root/latest} at {@code dir}, replacing the old link atomically. */
    public static void markLatest(Path root, Path dir) {
        try {
            // unique across machines too: injectors in containers share a volume and often the same pid
            Path tmp = root.resolve(".latest-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, root.toAbsolutePath().relativize(dir.toAbsolutePath()));
            Files.move(tmp, root.resolve("latest"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + root.resolve("latest") + ": " + e.getMessage(), e);
        }
    }
}
