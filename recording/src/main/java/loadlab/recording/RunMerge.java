package loadlab.recording;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Adds up the run directories of the N injectors that ran the shares ({@code --segment K/N}) of one
 * profile: histograms of the same request name in the same second are added (never percentiles
 * averaged), target rates add, and the summary is computed from the merged logs like any other
 * run's. It adds only what adds up to the profile: every share once, of the same scenario, target
 * and profile, measured from one time zero ({@code --start-at}), each directory whole; second k of
 * every segment goes into second k of the merged run.
 */
public final class RunMerge {
    private RunMerge() {}

    public static RunDirectory merge(List<Path> dirs, Path out) {
        if (dirs.isEmpty()) throw new IllegalArgumentException("merge needs the run directories of every segment");
        List<RunDirectory> runs = new ArrayList<>();
        for (Path d : dirs) {
            RunDirectory run = RunDirectory.open(d);
            if (run.kind() != RunKind.LOAD) throw new IllegalArgumentException(d + " is a bench run; merge adds up load runs");
            runs.add(run);
        }
        checkSegments(runs);
        RunManifest first = runs.get(0).manifest();
        for (RunDirectory r : runs.subList(1, runs.size())) checkSameLoad(runs.get(0), r);
        checkWindows(runs);

        long start = runs.stream().mapToLong(r -> r.manifest().measureFromMillis()).min().orElseThrow();
        double measured = runs.stream().mapToDouble(r -> r.manifest().measuredSeconds()).max().orElseThrow();
        writeMerged(runs, RunDirectory::latency, out.resolve(RunDirectory.LATENCY), start);
        writeMerged(runs, RunDirectory::service, out.resolve(RunDirectory.SERVICE), start);
        writeMerged(runs, RunDirectory::lag, out.resolve(RunDirectory.LAG), start);
        if (runs.stream().anyMatch(RunDirectory::hasServerTiming)) {
            writeMerged(runs, RunDirectory::serverTiming, out.resolve(RunDirectory.SERVER_TIMING), start);
        }
        CheckLog checks = null;
        for (RunDirectory r : runs) {
            CheckLog c = CheckLog.read(r.path());
            checks = checks == null ? c : checks.plus(c);
        }
        if (checks != null) RunFiles.write(out.resolve(CheckLog.FILE), checks);
        Double target = null;
        for (RunDirectory r : runs) if (r.manifest().targetRate() != null) target = (target == null ? 0 : target) + r.manifest().targetRate();
        RecordedProfile profile = first.profile() instanceof RecordedProfile.Open o
                ? o.merged(runs.stream().mapToLong(r -> ((RecordedProfile.Open) r.manifest().profile()).arrivals()).sum(), runs.size())
                : ((RecordedProfile.Closed) first.profile()).merged(
                        runs.stream().mapToInt(r -> ((RecordedProfile.Closed) r.manifest().profile()).concurrency()).sum(), runs.size());
        boolean interrupted = runs.stream().anyMatch(r -> r.manifest().stoppedEarly());
        String failure = runs.stream().map(r -> r.manifest().failure()).filter(Objects::nonNull).findFirst().orElse(null);
        RunManifest merged = RunManifest.merged(first, profile,
                runs.stream().map(r -> r.manifest().started()).min(String::compareTo).orElseThrow(),
                interrupted ? null : runs.stream().map(r -> r.manifest().ended()).filter(Objects::nonNull).max(String::compareTo).orElse(null),
                start, measured, target, interrupted, failure, dirs.stream().map(Path::toString).toList(), connections(runs));
        if (interrupted && merged.ended() == null) merged = merged.ended(Instant.now().toString(), merged.measuredSeconds(), true, failure);
        RunFiles.write(out.resolve(RunManifest.FILE), merged);
        RunDirectory result = RunDirectory.open(out);
        result.writeSummary();
        return result;
    }

    /** The segments' connections added up, when every segment counted them. */
    private static RunManifest.Connections connections(List<RunDirectory> runs) {
        long opened = 0;
        int limit = 0;
        for (RunDirectory r : runs) {
            RunManifest.Connections c = r.manifest().connections();
            if (c == null) return null;
            opened += c.opened();
            limit += c.limit();
        }
        return new RunManifest.Connections(opened, limit);
    }

    /** Every share of one split, each once. */
    private static void checkSegments(List<RunDirectory> runs) {
        Map<Integer, RunDirectory> byK = new TreeMap<>();
        int n = -1;
        for (RunDirectory r : runs) {
            Segment s = r.manifest().segment();
            if (s == null) {
                throw new IllegalArgumentException(r.path() + " ran the whole profile, not a --segment K/N share; merge adds up the shares "
                        + "that N injectors ran of one profile");
            }
            if (n != -1 && s.n() != n) {
                throw new IllegalArgumentException(r.path() + " is segment " + s.text() + " but " + runs.get(0).path() + " is one of " + n
                        + "; merge the shares of one split");
            }
            n = s.n();
            RunDirectory twin = byK.put(s.k(), r);
            if (twin != null) {
                throw new IllegalArgumentException(r.path() + " and " + twin.path() + " are both segment " + s.text()
                        + (twin.path().toAbsolutePath().normalize().equals(r.path().toAbsolutePath().normalize()) ? " (the same directory twice)" : "")
                        + "; each share may be added once");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) if (!byK.containsKey(k)) missing.add(k + "/" + n);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("segment" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " " + (missing.size() > 1 ? "are" : "is") + " missing: a merge of " + byK.size() + " of " + n
                    + " shares would not be the profile; give every segment's run directory");
        }
    }

    private static void checkSameLoad(RunDirectory a, RunDirectory b) {
        RunManifest x = a.manifest();
        RunManifest y = b.manifest();
        String differs = !Objects.equals(x.scenario(), y.scenario()) ? "scenario (" + y.scenario() + " against " + x.scenario() + ")"
                : !Objects.equals(x.target(), y.target()) ? "target (" + y.target() + " against " + x.target() + ")"
                : !sameProfile(x.profile(), y.profile()) ? "profile (" + y.profile().text() + " against " + x.profile().text() + ")"
                : !Objects.equals(x.parameters(), y.parameters()) ? "scenario parameters" : null;
        if (differs != null) {
            throw new IllegalArgumentException(b.path() + " differs from " + a.path() + " in its " + differs
                    + "; only the shares of one run can be merged");
        }
    }

    /** The same load asked of all injectors: a share's own arrivals and segment differ by design. */
    private static boolean sameProfile(RecordedProfile p, RecordedProfile q) {
        if (p instanceof RecordedProfile.Open a && q instanceof RecordedProfile.Open b) {
            return a.phases().equals(b.phases()) && a.warmupS() == b.warmupS();
        }
        if (p instanceof RecordedProfile.Closed a && q instanceof RecordedProfile.Closed b) {
            return a.measuredS() == b.measuredS() && a.warmupS() == b.warmupS();
        }
        return false;
    }

    /** Shares measured at different times are not one load: their windows must overlap by at least half. */
    /** How far apart the segments' time zeros may be: within one interval, their seconds are the profile's same seconds. */
    public static final long MAX_ZERO_SPREAD_MILLIS = 1_000;

    /**
     * The segments must have measured from one time zero ({@code --start-at}): then second k of each
     * is second k of the profile, and adding them up gives the profile's timeline. Zeros further
     * apart than one interval would add different seconds of the profile together.
     */
    private static void checkWindows(List<RunDirectory> runs) {
        RunDirectory earliest = runs.stream().min(Comparator.comparingLong(r -> r.manifest().measureFromMillis())).orElseThrow();
        RunDirectory latest = runs.stream().max(Comparator.comparingLong(r -> r.manifest().measureFromMillis())).orElseThrow();
        long spread = zeroSpreadMillis(runs.stream().map(RunDirectory::path).toList());
        if (spread > MAX_ZERO_SPREAD_MILLIS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s started measuring %.1f s after %s, so their seconds are not the same seconds of the profile; start the segments "
                            + "together with --start-at TIME (the same instant for each) and merge again", latest.path(), spread / 1000.0,
                    earliest.path()));
        }
    }

    /** How far apart the segments' time zeros are, in milliseconds (each on its own machine's clock). */
    public static long zeroSpreadMillis(List<Path> dirs) {
        List<Long> zeros = dirs.stream().map(d -> RunDirectory.manifestOf(d).measureFromMillis()).toList();
        return Collections.max(zeros) - Collections.min(zeros);
    }

    /** Adds each segment's second k into the merged second k (counted from each segment's own time zero): the profile's timeline. */
    private static void writeMerged(List<RunDirectory> runs, BiConsumer<RunDirectory, Consumer<IntervalLogReader.Entry>> log,
                                    Path target, long baseMillis) {
        Map<Long, Map<String, Histogram>> bySecond = new TreeMap<>();
        for (RunDirectory r : runs) {
            long zero = r.manifest().measureFromMillis();
            log.accept(r, e -> {
                String tag = e.failed() ? RequestName.errorTag(e.name(), e.cause()) : e.name();
                long second = e.slot(zero, 1);
                Map<String, Histogram> tags = bySecond.computeIfAbsent(second, s -> new TreeMap<>());
                Histogram sum = tags.computeIfAbsent(tag, t -> {
                    Histogram h = Histograms.empty();
                    h.setStartTimeStamp(baseMillis + second * 1000);
                    h.setEndTimeStamp(baseMillis + second * 1000 + Math.min(1000, e.endMillis() - e.startMillis()));
                    return h;
                });
                sum.add(e.histogram());
                sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), baseMillis + second * 1000 + Math.min(1000, e.endMillis() - e.startMillis())));
            });
        }
        try (PrintStream out = new PrintStream(new FileOutputStream(target.toFile()), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("loadlab merge of " + runs.size() + " run directories");
            writer.outputLogFormatVersion();
            writer.outputStartTime(baseMillis);
            writer.setBaseTime(baseMillis);
            writer.outputLegend();
            for (Map<String, Histogram> tags : bySecond.values()) {
                for (Map.Entry<String, Histogram> t : tags.entrySet()) {
                    t.getValue().setTag(t.getKey().isEmpty() ? null : t.getKey());
                    writer.outputIntervalHistogram(t.getValue());
                }
            }
            if (out.checkError()) throw new IOException("the write failed (is the disk full?)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
