package loadlab.reports.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import loadlab.recording.CheckCount;
import loadlab.recording.Verification;
import loadlab.reports.amplification.TailAmplification;
import loadlab.reports.format.Figures;
import loadlab.recording.InjectorVerdict;
import loadlab.reports.RunDifferences;
import loadlab.recording.RunManifest;
import loadlab.recording.RunModel;
import loadlab.recording.RunState;
import loadlab.recording.Summary;
import loadlab.reports.html.Page.Banner;
import loadlab.reports.html.Page.Card;
import loadlab.reports.html.Page.Cell;
import loadlab.reports.html.Page.ContextTable;
import loadlab.reports.html.Page.Row;
import loadlab.reports.html.Page.Table;
import loadlab.recording.Percent;
import loadlab.recording.RequestHistograms;
import loadlab.reports.metric.Metric;

/**
 * The report of a load run, or of two load runs overlaid: headline figures, the verdict (big and
 * red when the injector could not produce the load), the per-request table, the charts' data, the
 * run's context, and for two runs a table of changes.
 */
final class LoadReport {
    /** A change smaller than this share is shown as "same" in the comparison table. */
    static final double SAME_WITHIN = 0.05;

    private LoadReport() {}

    static String html(List<LoadRunView> runs) {
        boolean compare = runs.size() > 1;
        Map<String, Object> parts = new LinkedHashMap<>();
        LoadRunView a = runs.get(0);
        parts.put("kind", compare ? "comparison of two load runs" : "load run");
        parts.put("title", compare ? a.label() + "  vs  " + runs.get(1).label() : a.label());
        parts.put("subtitle", subtitle(a));
        List<Banner> banners = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) banners.addAll(banners(runs.get(i), compare ? (i == 0 ? "A: " : "B: ") : ""));
        if (compare) {
            for (String w : RunDifferences.between(a.manifest(), runs.get(1).manifest(), "A", "B")) {
                banners.add(new Banner("warn", "Different set-ups.", w + ": the comparison measures that difference too."));
            }
        }
        parts.put("banners", banners);
        List<Card> cards = compare ? compareCards(a.summary(), runs.get(1).summary()) : cards(a.summary());
        parts.put("cards", cards);
        parts.put("hasCards", !cards.isEmpty());
        List<Table> top = new ArrayList<>(compare ? List.of(deltas(a, runs.get(1))) : List.of(requests(a.summary())));
        for (LoadRunView r : runs) {
            if (r.summary().faults() != null && !r.summary().faults().isEmpty()) top.add(faults(r, compare ? r.label() + ": " : ""));
            if (!r.summary().total().checks().isEmpty()) top.add(checks(r.summary(), compare ? r.label() + ": " : ""));
            if (r.summary().serverTiming() != null) top.add(serverTiming(r.summary().serverTiming(), compare ? r.label() + ": " : ""));
            if (!r.amplification().isEmpty()) top.add(amplification(r.amplification(), compare ? r.label() + ": " : ""));
        }
        parts.put("tablesTop", top);
        parts.put("load", true);
        long bucket = a.timeline().bucketSeconds();
        parts.put("bucket", bucket == 1 ? "second" : bucket + " seconds");
        boolean server = runs.stream().anyMatch(r -> r.server() != null && !r.server().charts().isEmpty());
        parts.put("server", server);
        parts.put("amplificationChart", runs.stream().anyMatch(r -> !r.amplification().isEmpty()));
        parts.put("serverNote", serverNote(runs));
        parts.put("tablesBottom", List.of(context(runs)));
        List<String> notes = notes(runs);
        parts.put("notes", notes);
        parts.put("hasNotes", !notes.isEmpty());
        parts.put("generated", Instant.now().toString());
        parts.put("sources", String.join(" and ", runs.stream().map(LoadRunView::label).toList()));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "load");
        List<Map<String, Object>> runData = new ArrayList<>();
        for (LoadRunView r : runs) {
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("spectra", r.spectra());
            load.put("timeline", r.timeline());
            load.put("target", r.target());
            load.put("server", r.server());
            load.put("faults", faultWindows(r.summary()));
            load.put("amplification", r.amplification());
            runData.add(Map.of("label", r.label(), "load", load));
        }
        data.put("runs", runData);
        return ReportPage.render(parts, data);
    }

    private static String subtitle(LoadRunView r) {
        RunManifest m = r.manifest();
        return m.scenario() + " against " + m.target() + " · " + m.model().id() + " model · measured "
                + Math.round(r.summary().run().measuredSeconds()) + " s · started " + Figures.instant(m.started());
    }

    static List<Banner> banners(LoadRunView r, String prefix) {
        List<Banner> out = new ArrayList<>();
        Summary.Run run = r.summary().run();
        switch (run.state()) {
            case INVALID -> out.add(new Banner("bad", prefix + "INVALID RUN.", "The injector could not produce the intended load: "
                    + run.stateReason() + ". These figures do not describe the target under that load."));
            case INTERRUPTED -> out.add(new Banner("warn", prefix + "Interrupted.", "The run was stopped before its profile ended ("
                    + run.stateReason() + "); the figures cover the " + Math.round(run.measuredSeconds()) + " s it measured."));
            case EMPTY -> out.add(new Banner("bad", prefix + "Empty run.", run.stateReason() + "."));
            default -> { }
        }
        if (r.summary().injector().verdict() == InjectorVerdict.INVALID && run.state() != RunState.INVALID) {
            out.add(new Banner("bad", prefix + "Injector fell behind.", r.summary().injector().reason() + "."));
        }
        Verification v = r.summary().verification();
        if (v != null && v.verdict() != Verification.Verdict.KEPT) {
            out.add(new Banner("bad", prefix + (v.verdict() == Verification.Verdict.LOST ? "ACKNOWLEDGED WRITES LOST."
                    : v.verdict() == Verification.Verdict.UNCHECKED ? "Not verified."
                    : v.verdict() == Verification.Verdict.UNEXPECTED ? "Writes answered as failed are present." : "Derived data did not converge."),
                    "Verification: " + v.sentence() + "."));
        }
        if (r.manifest().model() == RunModel.CLOSED) {
            out.add(new Banner("warn", prefix + "Closed model.", "A fixed number of users each waited for their previous response, so a "
                    + "slow target also slowed the arrivals: response times leave out the requests that were never sent "
                    + "(coordinated omission is not corrected)."));
        }
        return out;
    }

    private static List<Card> cards(Summary s) {
        Summary.Stats t = s.total();
        Summary.Injector inj = s.injector();
        List<Card> cards = new ArrayList<>();
        cards.add(new Card("requests", Figures.count(t.count()), "in " + Math.round(s.run().measuredSeconds()) + " s measured", ""));
        cards.add(new Card("errors", Figures.count(t.errors().total()),
                Percent.text(share(t.errors().total(), t.count())) + causes(t.errors()), t.errors().total() > 0 ? "bad" : ""));
        boolean journey = inj.arrivalsApartFromRequests();
        cards.add(new Card("achieved rate", Figures.rate(inj.achievedRate()),
                (inj.targetRate() == null ? "closed model: no target rate" : "target " + Figures.rate(inj.targetRate()))
                        + (journey ? " arrivals (users started) · " + Figures.rate(inj.requestsPerS()) + " requests" : ""),
                inj.verdict() == InjectorVerdict.OK ? "" : "bad"));
        Summary.Distribution d = t.latencyUs();
        Summary.Distribution svc = t.serviceTimeUs();
        cards.add(new Card("p50", Figures.micros(d, d.p50()), "service " + Figures.micros(svc, svc.p50()), ""));
        cards.add(new Card("p95", Figures.micros(d, d.p95()), "service " + Figures.micros(svc, svc.p95()), ""));
        cards.add(new Card("p99", Figures.micros(d, d.p99()), "service " + Figures.micros(svc, svc.p99()), ""));
        cards.add(new Card("p99.9", Figures.micros(d, d.p999()), "service " + Figures.micros(svc, svc.p999()), ""));
        cards.add(new Card("max", Figures.micros(d, d.max()), "service " + Figures.micros(svc, svc.max()), ""));
        long checkFails = t.checkFailures();
        if (!t.checks().isEmpty()) {
            long evaluated = t.checks().stream().mapToLong(c -> c.passes() + c.fails()).sum();
            cards.add(new Card("checks", checkFails == 0 ? "all passed" : Figures.count(checkFails) + " failed",
                    Figures.count(evaluated) + " evaluations of " + t.checks().size() + " checks", checkFails == 0 ? "good" : "bad"));
        }
        boolean ok = inj.verdict() == InjectorVerdict.OK;
        cards.add(new Card("injector verdict", ok ? "ok" : "INVALID",
                "start lag p99 " + Figures.micros(inj.lagP99Us())
                        + (inj.blockedCount() > 0 ? "; " + inj.blockedCount() + " requests waited for a connection, p99 " + Figures.micros(inj.blockedP99Us()) : ""),
                ok ? "good" : "bad"));
        Verification v = s.verification();
        if (v != null) {
            boolean kept = v.verdict() == Verification.Verdict.KEPT;
            cards.add(new Card("verification", kept ? "nothing lost" : v.verdict().id().replace('_', ' ').toUpperCase(Locale.ROOT),
                    v.sentence(), kept ? "good" : "bad"));
        }
        return cards;
    }

    /** Each fault's window on the measured timeline, for the charts to shade. */
    private static List<Map<String, Object>> faultWindows(Summary s) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (s.faults() == null) return out;
        for (Summary.FaultEffect f : s.faults()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", f.name());
            w.put("start_s", f.startS());
            w.put("end_s", f.endS());
            out.add(w);
        }
        return out;
    }

    private static Table faults(LoadRunView r, String prefix) {
        List<Row> rows = new ArrayList<>();
        for (Summary.FaultEffect f : r.summary().faults()) {
            String window = String.format(Locale.ROOT, "%.1f–%s s", f.startS(), f.endS() == null ? "end" : String.format(Locale.ROOT, "%.1f", f.endS()));
            rows.add(Row.of(Cell.text(f.name()), Cell.text(f.kind() + " " + f.target()), Cell.num(window),
                    Cell.num(p99(f.before()) + " → " + p99(f.during()) + " → " + p99(f.after())),
                    new Cell(errors(f.before()) + " → " + errors(f.during()) + " → " + errors(f.after()),
                            f.during() != null && f.during().errorRate() > 0 ? "bad" : "num"),
                    Cell.num(rate(f.before()) + " → " + rate(f.during()) + " → " + rate(f.after())),
                    new Cell(f.recoveryS() == null ? "not recovered" : Math.round(f.recoveryS()) + " s", f.recoveryS() == null ? "bad" : "num")));
        }
        return new Table("faults", prefix + "Faults", "Before, during and after each fault (seconds on the measured timeline). Recovery: "
                + "seconds from the fault's end until p99 was within 1.2× and throughput within 5% of the before-window for 5 s in a row. "
                + "The windows are shaded on the timelines below.",
                List.of("fault", "what", "window", "p99 before → during → after", "errors", "throughput", "recovery"), rows);
    }

    private static String p99(Summary.FaultWindow w) {
        return w == null || w.p99Us() == null ? "–" : Figures.micros(w.p99Us());
    }

    private static String errors(Summary.FaultWindow w) {
        return w == null ? "–" : Percent.text(w.errorRate());
    }

    private static String rate(Summary.FaultWindow w) {
        return w == null ? "–" : Figures.rate(w.throughputPerS());
    }

    private static String causes(Summary.Errors e) {
        if (e.byCause() == null || e.byCause().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        e.byCause().forEach((cause, n) -> parts.add(cause + " " + Figures.count(n)));
        return " · " + String.join(", ", parts);
    }

    private static List<Card> compareCards(Summary a, Summary b) {
        List<Card> cards = new ArrayList<>();
        cards.add(compareCard("requests", a.total().count(), b.total().count(), n -> Figures.count(n.longValue())));
        cards.add(compareCard("error rate", share(a.total().errors().total(), a.total().count()),
                share(b.total().errors().total(), b.total().count()), Percent::text));
        cards.add(compareCard("achieved rate", a.injector().achievedRate(), b.injector().achievedRate(), Figures::rate));
        cards.add(timeCard("p50", a.total().latencyUs(), b.total().latencyUs(), Summary.Distribution::p50));
        cards.add(timeCard("p95", a.total().latencyUs(), b.total().latencyUs(), Summary.Distribution::p95));
        cards.add(timeCard("p99", a.total().latencyUs(), b.total().latencyUs(), Summary.Distribution::p99));
        cards.add(timeCard("p99.9", a.total().latencyUs(), b.total().latencyUs(), Summary.Distribution::p999));
        cards.add(timeCard("max", a.total().latencyUs(), b.total().latencyUs(), Summary.Distribution::max));
        return cards;
    }

    /** A time of both runs; "–" for a run without a successful request, and no change against nothing. */
    private static Card timeCard(String label, Summary.Distribution a, Summary.Distribution b, ToLongFunction<Summary.Distribution> f) {
        if (a.count() == 0 || b.count() == 0) {
            return new Card(label, Figures.micros(b, f.applyAsLong(b)), "A " + Figures.micros(a, f.applyAsLong(a)) + " · B n/a", "");
        }
        return compareCard(label, f.applyAsLong(a), f.applyAsLong(b), v -> Figures.micros(v.longValue()));
    }

    private static Card compareCard(String label, double a, double b, Function<Double, String> format) {
        return new Card(label, format.apply(b), "A " + format.apply(a) + " · B " + Figures.change(a, b), "");
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static Table requests(Summary s) {
        List<Row> rows = new ArrayList<>();
        s.requests().forEach((name, st) -> rows.add(requestRow(name, st)));
        rows.add(requestRow(RequestHistograms.describe(RequestHistograms.ALL), s.total()));
        return new Table("requests", "Requests", "Response time from the intended start; service time from the actual send.",
                List.of("request", "count", "errors", "error rate", "rate", "p50", "p90", "p95", "p99", "p99.9", "max", "service p99"), rows);
    }

    /** Each request's Server-Timing entries: where the target says the time went, call by call. */
    private static Table serverTiming(Summary.ServerTiming t, String prefix) {
        List<Row> rows = new ArrayList<>();
        t.entries().forEach((request, entries) -> entries.forEach((entry, d) -> rows.add(new Row(List.of(Cell.text(request), Cell.key(entry),
                Cell.num(Figures.count(d.count())), Cell.num(Figures.micros(d, d.p50())), Cell.num(Figures.micros(d, d.p95())),
                Cell.num(Figures.micros(d, d.p99())), Cell.num(Figures.micros(d, d.max())))))));
        t.malformed().forEach((request, n) -> rows.add(new Row(List.of(Cell.text(request), new Cell("malformed header", "bad"),
                Cell.num(Figures.count(n)), Cell.text(""), Cell.text(""), Cell.text(""), Cell.text("")))));
        return new Table("server-timing", prefix + "Server-Timing",
                "The target's own account of each backend call (W3C Server-Timing entries), per request name; a malformed header is counted, never a failure.",
                List.of("request", "entry", "calls", "p50", "p95", "p99", "max"), rows);
    }

    /** Requests that fan out: measured p99 beside the p99 their backend calls predict (Dean and Barroso, "The Tail at Scale"). */
    private static Table amplification(List<TailAmplification> rows, String prefix) {
        List<Row> out = new ArrayList<>();
        for (TailAmplification t : rows) {
            out.add(new Row(List.of(Cell.text(t.request()), Cell.num(Long.toString(t.fanout())), Cell.key(t.entry()),
                    Cell.num(Figures.micros(t.callP99Us())), Cell.num(Figures.micros(t.predictedP99Us())), Cell.num(Figures.micros(t.measuredP99Us())),
                    Cell.num(String.format(java.util.Locale.ROOT, "%+.0f%%", t.error() * 100)))));
        }
        return new Table("amplification", prefix + "Tail amplification",
                "A request that fans out to k calls waits for the slowest: if a call is slow with probability p, the request is with "
                        + "probability 1 − (1 − p)^k. Predicted p99: the calls' own percentile 100·0.99^(1/k), plus the request's own "
                        + "time outside the fan-out (from the medians); measured: the request's service-time p99.",
                List.of("request", "fan-out k", "call", "call p99", "predicted p99", "measured p99", "difference"), out);
    }

    /** Every named check of every request: how often it held and failed, and why it failed. */
    private static Table checks(Summary s, String prefix) {
        List<Row> rows = new ArrayList<>();
        s.requests().forEach((name, st) -> {
            for (CheckCount c : st.checks()) {
                List<String> why = new ArrayList<>();
                c.messages().forEach((m, n) -> why.add(m + " (" + Figures.count(n) + ")"));
                rows.add(Row.of(Cell.text(name), Cell.text(c.name()), Cell.num(Figures.count(c.passes())),
                        new Cell(Figures.count(c.fails()), c.fails() > 0 ? "bad" : "num"),
                        Cell.num(Percent.text(share(c.fails(), c.passes() + c.fails()))), Cell.text(String.join("; ", why))));
            }
        });
        return new Table("checks", prefix + "Checks", "Each check the workload wrote, on every counted response. A request that failed one "
                + "is a failure with cause check (or its status class, for a 4xx/5xx status).",
                List.of("request", "check", "passed", "failed", "failed share", "why it failed"), rows);
    }

    private static Row requestRow(String name, Summary.Stats st) {
        Summary.Distribution d = st.latencyUs();
        return new Row(List.of(Cell.text(name), Cell.num(Figures.count(st.count())),
                new Cell(Figures.count(st.errors().total()), st.errors().total() > 0 ? "bad" : "num"),
                Cell.num(Percent.text(share(st.errors().total(), st.count()))), Cell.num(Figures.rate(st.throughput())),
                Cell.num(Figures.micros(d, d.p50())), Cell.num(Figures.micros(d, d.p90())), Cell.num(Figures.micros(d, d.p95())),
                Cell.num(Figures.micros(d, d.p99())), Cell.num(Figures.micros(d, d.p999())), Cell.num(Figures.micros(d, d.max())),
                Cell.num(Figures.micros(st.serviceTimeUs(), st.serviceTimeUs().p99()))));
    }

    /** The figures the comparison table sets side by side: the gate's own metrics, read the same way and judged in the same direction. */
    private static final List<Metric> COMPARED = List.of(Metric.ERROR_RATE, Metric.THROUGHPUT, Metric.P50, Metric.P90, Metric.P95,
            Metric.P99, Metric.P999, Metric.MAX, Metric.SERVICE_P99);

    private static String figure(Metric m, double v) {
        if (Double.isNaN(v)) return Figures.NONE;
        return switch (m.kind()) {
            case ERRORS -> Percent.text(v);
            case THROUGHPUT -> Figures.rate(v);
            default -> Figures.micros(Math.round(v));
        };
    }

    private static Table deltas(LoadRunView a, LoadRunView b) {
        Set<String> names = new LinkedHashSet<>();
        names.add(RequestHistograms.ALL);
        names.addAll(a.summary().requests().keySet());
        names.addAll(b.summary().requests().keySet());
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            Summary.Stats sa = stats(a.summary(), name);
            Summary.Stats sb = stats(b.summary(), name);
            String label = RequestHistograms.describe(name);
            rows.add(sa == null || sb == null
                    ? Row.of(Cell.text(label), Cell.key("count"), Cell.num(sa == null ? "absent" : Figures.count(sa.count())),
                            Cell.num(sb == null ? "absent" : Figures.count(sb.count())), new Cell("n/a", "same"))
                    : Row.of(Cell.text(label), Cell.key("count"), Cell.num(Figures.count(sa.count())), Cell.num(Figures.count(sb.count())),
                            new Cell(Figures.change(sa.count(), sb.count()), Figures.changeCss(sa.count(), sb.count(), false, SAME_WITHIN))));
            for (Metric m : COMPARED) {
                double va = sa == null ? Double.NaN : m.of(sa);
                double vb = sb == null ? Double.NaN : m.of(sb);
                String fa = sa == null ? "absent" : figure(m, va), fb = sb == null ? "absent" : figure(m, vb);
                rows.add(Double.isNaN(va) || Double.isNaN(vb)
                        ? Row.of(Cell.text(label), Cell.key(m.id()), Cell.num(fa), Cell.num(fb), new Cell("n/a", "same"))
                        : Row.of(Cell.text(label), Cell.key(m.id()), Cell.num(fa), Cell.num(fb),
                                new Cell(Figures.change(va, vb), Figures.changeCss(va, vb, m.higherIsWorse(), SAME_WITHIN))));
            }
        }
        return new Table("changes", "Changes from A to B", "A plain ratio of the two runs' figures, coloured beyond ±"
                + Math.round(SAME_WITHIN * 100) + "%. It says nothing about noise: 'loadlab gate' judges a change against each run's "
                + "own variation.", List.of("request", "metric", "A", "B", "change"), rows);
    }

    private static Summary.Stats stats(Summary s, String name) {
        return RequestHistograms.ALL.equals(name) ? s.total() : s.requests().get(name);
    }

    private static Table context(List<LoadRunView> runs) {
        ContextTable rows = new ContextTable(runs.size());
        for (LoadRunView r : runs) {
            RunManifest m = r.manifest();
            rows.put("run", r.label());
            rows.put("scenario", m.scenario());
            rows.put("target", m.target());
            rows.put("state", r.summary().run().state().id() + (r.summary().run().stateReason() == null ? "" : ": " + r.summary().run().stateReason()));
            rows.put("model", m.model().id());
            rows.put("profile", m.profile().text());
            rows.put("parameters", Figures.pairs(m.parameters()));
            if (!m.service().isEmpty()) rows.put("reference service", Figures.pairs(m.service()));
            rows.put("started", m.started());
            rows.put("ended", m.ended() == null ? "did not end normally" : m.ended());
            rows.put("measured", Math.round(r.summary().run().measuredSeconds()) + " s");
            rows.put("injector", r.summary().injector().verdict().id() + ", start lag p99 " + Figures.micros(r.summary().injector().lagP99Us())
                    + ", max " + Figures.micros(r.summary().injector().lagMaxUs()));
            Verification v = r.summary().verification();
            rows.put("verification", v == null ? "not asked" : v.verdict().id() + ": " + v.sentence() + (v.hasServiceView() ? " (" + v.url() + ")" : ""));
            rows.put("segment", m.segment() == null ? "whole profile" : m.segment().text());
            rows.put("tool", Figures.tool(m.tool()));
            Map<String, Object> env = m.environment() == null ? Map.of() : m.environment();
            rows.put("JVM", String.valueOf(env.getOrDefault("jvm", "")));
            rows.put("OS", String.valueOf(env.getOrDefault("os", "")));
            rows.put("CPUs", String.valueOf(env.getOrDefault("cpus", "")));
            rows.put("host", String.valueOf(env.getOrDefault("host", "")));
            if (!m.mergedFrom().isEmpty()) rows.put("merged from", String.join(", ", m.mergedFrom()));
        }
        return rows.table("What was run, against what, with which tool and on which machine.");
    }

    private static String serverNote(List<LoadRunView> runs) {
        List<String> parts = new ArrayList<>();
        for (LoadRunView r : runs) {
            ServerMetrics m = r.server();
            if (m == null) continue;
            String who = runs.size() > 1 ? r.label() + ": " : "";
            parts.add(who + m.scrapes() + " scrapes of the target's metrics" + (m.failedScrapes() > 0 ? ", " + m.failedScrapes() + " failed" : "")
                    + (m.notCharted().isEmpty() ? "" : "; not charted (to keep the page small): " + String.join(", ", m.notCharted())));
        }
        return "Counters are drawn as rates, timers as the mean and max of each scrape interval, gauges as they are; series that never "
                + "moved are left out. " + String.join(". ", parts);
    }

    private static List<String> notes(List<LoadRunView> runs) {
        List<String> notes = new ArrayList<>();
        for (LoadRunView r : runs) {
            if (r.timeline().bucketSeconds() > 1) {
                notes.add(r.label() + ": the timeline shows buckets of " + r.timeline().bucketSeconds()
                        + " s, each from its intervals' histograms added up, to keep the page small.");
            }
            if (r.server() == null) notes.add(r.label() + ": no server metrics were scraped (run with --metrics URL to add them).");
        }
        return notes;
    }
}
