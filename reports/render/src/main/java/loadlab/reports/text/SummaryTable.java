package loadlab.reports.text;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import loadlab.recording.CheckCount;
import loadlab.recording.Micros;
import loadlab.recording.RunModel;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.recording.Verification;
import loadlab.reports.format.Figures;
import loadlab.recording.Percent;

/**
 * A run's summary as the table printed at the end of {@code loadlab run}: one row per request
 * name and a total (response and service times of successful requests; failures counted beside
 * them), the injector's health, and the run's state, loudly when the run does not describe its
 * target.
 */
public final class SummaryTable {
    private SummaryTable() {}

    public static void print(Summary s, PrintWriter out) {
        print(s, null, out);
    }

    /** @param engine the run's engine as {@code run.json} names it ({@code tool.engine}), for the hint on start lag; or null */
    public static void print(Summary s, String engine, PrintWriter out) {
        Summary.Injector inj = s.injector();
        Summary.Run run = s.run();
        out.printf(Locale.ROOT, "%n%s %s  %s model  measured %.0f s%n", run.scenario(), run.target(), run.model().id(), run.measuredSeconds());
        out.printf(Locale.ROOT, "%-16s %9s %8s %10s %10s %10s %10s %10s %10s %10s %10s%n", "request", "count", "errors", "rate/s", "p50", "p90",
                "p95", "p99", "p99.9", "max", "svc p99");
        for (Map.Entry<String, Summary.Stats> e : s.requests().entrySet()) row(out, e.getKey(), e.getValue());
        row(out, "total", s.total());
        out.println("times are of successful requests, from the intended start (svc: from the actual send)");
        if (s.total().errors().total() > 0) {
            out.println("errors: " + Percent.text(s.total().errorRate()) + " by cause: " + Figures.pairs(s.total().errors().byCause())
                    + "; failed requests' p50 " + Micros.text(s.total().failedLatencyUs().p50()) + ", max "
                    + Micros.text(s.total().failedLatencyUs().max()));
        }
        checks(s, out);
        String target = run.model() == RunModel.CLOSED ? "closed model (no schedule: coordinated omission not corrected)"
                : inj.targetRate() == null ? "no target rate" : rates(inj);
        out.printf(Locale.ROOT, "injector: %s, start lag p99 %s%n", target, Micros.text(inj.lagP99Us()));
        String hint = lagHint(s, engine);
        if (hint != null) out.println(hint);
        if (inj.closedByTarget()) {
            out.println(closedConnectionsLine(inj, s.total().count()));
        } else if (inj.blockedCount() > 0) {
            out.printf(Locale.ROOT, "blocked: %,d requests waited for a free connection (p99 %s, max %s); the wait is in their "
                    + "response times. With --connections too low that is the injector's queue, not the target's: raise it if the target "
                    + "can take more%n", inj.blockedCount(), Micros.text(inj.blockedP99Us()), Micros.text(inj.blockedMaxUs()));
        }
        if (s.faults() != null) for (Summary.FaultEffect f : s.faults()) out.println(faultLine(f));
        if (s.verification() != null) out.println(verificationLine(s.verification()));
        out.println(stateLine(run.state(), run.stateReason()));
        if (run.state() != RunState.COMPLETE) out.println("!!! these figures do not describe the target under the intended load");
        out.flush();
    }

    /**
     * "target 50/s, achieved 49.8/s": what the target counts, and for a journey (several requests per
     * arrival) arrivals apart from requests, so a target of 50 users per second is never set against
     * 100 requests per second.
     */
    public static String rates(Summary.Injector inj) {
        if (inj.arrivalsApartFromRequests()) {
            return "target " + Figures.rate(inj.targetRate()) + " arrivals (users started), achieved " + Figures.rate(inj.achievedRate())
                    + " arrivals and " + Figures.rate(inj.requestsPerS()) + " requests";
        }
        return "target " + Figures.rate(inj.targetRate()) + ", achieved " + Figures.rate(inj.achievedRate());
    }

    /** Start lag at or above this, microseconds, may be worth a hint when it is a large part of the response time. */
    static final long LAG_HINT_US = 200;

    /**
     * Which setting to try when start lag, not the target, limits the response times: a p99 lag of
     * at least {@value #LAG_HINT_US} µs that is a quarter or more of the response p99. Null otherwise.
     */
    public static String lagHint(Summary s, String engine) {
        Summary.Injector inj = s.injector();
        Summary.Distribution d = s.total().latencyUs();
        if (engine == null || d.count() == 0 || inj.lagP99Us() < LAG_HINT_US || inj.lagP99Us() * 4 < d.p99()) return null;
        String share = String.format(Locale.ROOT, "start lag p99 %s is %.0f%% of the response p99 %s", Micros.text(inj.lagP99Us()),
                100.0 * inj.lagP99Us() / Math.max(1, d.p99()), Micros.text(d.p99()));
        if (engine.startsWith("gatling")) {
            return "hint: " + share + ": Gatling starts users on whole milliseconds; a single-request workload (--target, --requests) "
                    + "runs on --engine requests, scheduled to the nanosecond";
        }
        if (!engine.startsWith("loadlab-requests") || engine.contains("idle spin")) return null;
        return "hint: " + share + ": the event loop wakes late between arrivals on this machine; try --idle spin (it never sleeps, "
                + "at the cost of a core per event loop) or --idle tight (1 µs timer slack); the README's engine precision section has the figures";
    }

    /** The one sentence for a target that does not keep connections alive, instead of advice to raise --connections. */
    public static String closedConnectionsLine(Summary.Injector inj, long requests) {
        return String.format(Locale.ROOT, "connections: the target closed them: %,d were opened for %,d requests counted (%.2f per request); it "
                + "does not keep connections alive (HTTP/1.0 or Connection: close), so requests paid for connecting%s; more --connections "
                + "would not change that", inj.connectionsOpened(), requests, requests == 0 ? 0 : (double) inj.connectionsOpened() / requests,
                inj.blockedCount() > 0 ? " and " + String.format(Locale.ROOT, "%,d", inj.blockedCount()) + " waited for one" : "");
    }

    /** Each request's checks, one line each; a failed one loud, with its most frequent reason. */
    private static void checks(Summary s, PrintWriter out) {
        if (s.total().checks().isEmpty()) return;
        long failed = s.total().checkFailures();
        out.println(failed == 0 ? "checks: all passed" : "!!! checks: " + Figures.count(failed) + " failed");
        for (Map.Entry<String, Summary.Stats> e : s.requests().entrySet()) {
            for (CheckCount c : e.getValue().checks()) {
                String why = c.messages().entrySet().stream().max(Map.Entry.comparingByValue()).map(m -> "; e.g. " + m.getKey()).orElse("");
                out.printf(Locale.ROOT, "  %s %-16s %-40s %s passed, %s failed%s%n", c.fails() == 0 ? "ok  " : "FAIL",
                        e.getKey().length() > 16 ? e.getKey().substring(0, 16) : e.getKey(), c.name().length() > 40 ? c.name().substring(0, 39) + "…" : c.name(),
                        Figures.count(c.passes()), Figures.count(c.fails()), why);
            }
        }
    }

    /** "verification: ..." with the target's answer; loud when a write was lost or could not be checked. */
    public static String verificationLine(Verification v) {
        return (v.verdict() == Verification.Verdict.KEPT ? "verification: " : "!!! verification: ") + v.sentence();
    }

    /** One fault's figures: "fault cache-down (block cache) 20.0-30.0 s: p99 1.2 ms -> 45.0 ms -> 1.3 ms, errors ..., recovered in 2 s". */
    public static String faultLine(Summary.FaultEffect f) {
        return String.format(Locale.ROOT, "fault %s (%s %s) %.1f-%s s: p99 %s -> %s -> %s, errors %s -> %s -> %s, throughput %s -> %s -> %s/s; %s",
                f.name(), f.kind(), f.target(), f.startS(), f.endS() == null ? "end" : String.format(Locale.ROOT, "%.1f", f.endS()),
                p99(f.before()), p99(f.during()), p99(f.after()), errors(f.before()), errors(f.during()), errors(f.after()),
                rate(f.before()), rate(f.during()), rate(f.after()),
                f.recoveryS() == null ? "NOT recovered by the end of the run" : "recovered " + Math.round(f.recoveryS()) + " s after it ended");
    }

    private static String p99(Summary.FaultWindow w) {
        return w == null ? "-" : w.p99Us() == null ? "none" : Micros.text(w.p99Us());
    }

    private static String errors(Summary.FaultWindow w) {
        return w == null ? "-" : Percent.text(w.errorRate());
    }

    private static String rate(Summary.FaultWindow w) {
        return w == null ? "-" : String.format(Locale.ROOT, "%,.0f", w.throughputPerS());
    }

    /** "run: complete", or "!!! run INVALID: why" — the same words the report and the gate use. */
    public static String stateLine(RunState state, String reason) {
        return state == RunState.COMPLETE ? "run: complete" : "!!! run " + state.id().toUpperCase(Locale.ROOT) + ": " + reason;
    }

    private static void row(PrintWriter out, String name, Summary.Stats st) {
        Summary.Distribution d = st.latencyUs();
        out.printf(Locale.ROOT, "%-16s %9d %8d %10.1f %10s %10s %10s %10s %10s %10s %10s%n", name.length() > 16 ? name.substring(0, 16) : name,
                st.count(), st.errors().total(), st.throughput(), Figures.micros(d, d.p50()), Figures.micros(d, d.p90()), Figures.micros(d, d.p95()),
                Figures.micros(d, d.p99()), Figures.micros(d, d.p999()), Figures.micros(d, d.max()),
                Figures.micros(st.serviceTimeUs(), st.serviceTimeUs().p99()));
    }
}
