package loadlab.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The load a run was asked for, as {@code run.json} records it: an open model's rate phases, a
 * closed model's users, or a bench run's JMH settings. Typed, so every reader (report, target
 * curve, merge, gate) reads the same fields, and validated, so a hostile {@code run.json} is
 * refused before anything is computed from it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({@JsonSubTypes.Type(value = RecordedProfile.Open.class, name = "open"),
        @JsonSubTypes.Type(value = RecordedProfile.Closed.class, name = "closed"),
        @JsonSubTypes.Type(value = RecordedProfile.Bench.class, name = "jmh")})
public sealed interface RecordedProfile {
    /** Longest profile loadlab runs: 31 days. */
    long MAX_SECONDS = 31L * 24 * 3600;
    /** Highest rate a profile may ask for, requests per second. */
    double MAX_RATE = 10_000_000;

    /** One line a reader takes in: "100/s for 5 s, then 100/s → 300/s over 60 s; warm-up 5 s". */
    String text();

    RunModel model();

    /**
     * One phase of an open model: the rate goes linearly from {@code fromPerS} to {@code toPerS}
     * (requests per second of the whole profile, not of one segment) over {@code seconds}.
     */
    record Phase(double fromPerS, double toPerS, long seconds) {
        public Phase {
            if (!(fromPerS >= 0 && fromPerS <= MAX_RATE) || !(toPerS >= 0 && toPerS <= MAX_RATE)) {
                throw new IllegalArgumentException("a phase's rates must be between 0/s and " + (long) MAX_RATE + "/s");
            }
            if (seconds < 1 || seconds > MAX_SECONDS) throw new IllegalArgumentException("a phase must last 1 s to 31 days");
        }
    }

    /**
     * @param arrivals  users started in the measured window by this injector (its segment's share)
     * @param injectors how many injectors' runs were merged into this one (1 for a single run)
     */
    record Open(List<Phase> phases, long warmupS, long measuredS, long arrivals, Segment segment, int injectors)
            implements RecordedProfile {
        public Open {
            if (phases == null || phases.isEmpty()) throw new IllegalArgumentException("an open profile needs at least one phase");
            phases = List.copyOf(phases);
            long sum = phases.stream().mapToLong(Phase::seconds).sum();
            if (measuredS != sum) throw new IllegalArgumentException("measured_s " + measuredS + " is not the phases' " + sum + " s");
            checkWindow(warmupS, measuredS);
            if (arrivals < 0) throw new IllegalArgumentException("arrivals must not be negative");
            injectors = Math.max(1, injectors);
        }

        @Override
        public RunModel model() {
            return RunModel.OPEN;
        }

        @Override
        public String text() {
            List<String> steps = new ArrayList<>();
            for (Phase p : phases) {
                String from = rate(p.fromPerS());
                String to = rate(p.toPerS());
                steps.add(from.equals(to) ? from + " for " + p.seconds() + " s" : from + " → " + to + " over " + p.seconds() + " s");
            }
            return String.join(", then ", steps) + "; warm-up " + warmupS + " s"
                    + String.format(Locale.ROOT, "; %,d arrivals measured", arrivals) + tail(segment, injectors);
        }

        /** The same load without a segment: what N merged injectors made together. */
        public Open merged(long totalArrivals, int count) {
            return new Open(phases, warmupS, measuredS, totalArrivals, null, count);
        }
    }

    /** A closed model: {@code concurrency} users of this injector (of all, once merged), each waiting for its answer. */
    record Closed(int concurrency, long warmupS, long measuredS, Segment segment, int injectors) implements RecordedProfile {
        public Closed {
            if (concurrency < 1 || concurrency > 1_000_000) throw new IllegalArgumentException("concurrency must be 1 to 1,000,000");
            if (measuredS < 1) throw new IllegalArgumentException("measured_s must be at least 1");
            checkWindow(warmupS, measuredS);
            injectors = Math.max(1, injectors);
        }

        @Override
        public RunModel model() {
            return RunModel.CLOSED;
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "%,d users for %d s (closed model); warm-up %d s", concurrency, measuredS, warmupS)
                    + tail(segment, injectors);
        }

        public Closed merged(int totalUsers, int count) {
            return new Closed(totalUsers, warmupS, measuredS, null, count);
        }
    }

    /** JMH's settings for a bench run. */
    record Bench(String setting, int forks, int warmupIterations, int measurementIterations, int iterationSeconds, String include)
            implements RecordedProfile {
        @Override
        public RunModel model() {
            return RunModel.JMH;
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "%s: %d fork%s, %d warm-up + %d measured iterations of %d s, include '%s'",
                    setting, forks, forks == 1 ? "" : "s", warmupIterations, measurementIterations, iterationSeconds, include);
        }
    }

    /** Warm-up plus measured seconds of a load profile, 0 for a bench run. */
    @JsonIgnore
    default long totalSeconds() {
        if (this instanceof Open o) return o.warmupS() + o.measuredS();
        if (this instanceof Closed c) return c.warmupS() + c.measuredS();
        return 0;
    }

    private static void checkWindow(long warmupS, long measuredS) {
        if (warmupS < 0 || warmupS > MAX_SECONDS) throw new IllegalArgumentException("warmup_s must be 0 s to 31 days");
        if (measuredS < 0 || measuredS + warmupS > MAX_SECONDS) throw new IllegalArgumentException("a profile must be at most 31 days long");
    }

    private static String tail(Segment segment, int injectors) {
        return (segment == null ? "" : "; injector share " + segment.text()) + (injectors > 1 ? "; merged from " + injectors + " injectors" : "");
    }

    /** "1,500/s", "0.5/s". */
    static String rate(double v) {
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v)) + "/s";
    }
}
