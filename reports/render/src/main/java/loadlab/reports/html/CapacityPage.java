package loadlab.reports.html;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import loadlab.recording.RequestHistograms;
import loadlab.recording.RunDirectory;
import loadlab.reports.capacity.CapacityResult;
import loadlab.reports.capacity.CapacityStep;
import loadlab.reports.capacity.Slo;
import loadlab.reports.capacity.StepVerdict;
import loadlab.reports.capacity.UslFigures;
import loadlab.reports.format.Figures;
import loadlab.reports.html.Page.Banner;
import loadlab.reports.html.Page.Card;
import loadlab.reports.html.Page.Cell;
import loadlab.reports.html.Page.Row;
import loadlab.reports.html.Page.Table;
import loadlab.recording.Percent;

/**
 * {@code report.html} of a capacity search or sweep: the sustainable rate and how sure the search
 * is of it, latency against throughput (the hockey stick) with the SLO and the knee, achieved
 * against offered load, each step's percentile spectrum, and the Universal Scalability Law over the
 * measured points. Steps the injector could not produce are drawn apart and named. Each step's
 * spectrum is read from its own run directory, through {@code recording}.
 */
public final class CapacityPage {
    private CapacityPage() {}

    public static Path write(Path dir) {
        Path out = dir.resolve(RunReport.FILE);
        RunReport.writeAtomically(out, html(dir));
        return out;
    }

    static String html(Path dir) {
        CapacityResult r = CapacityResult.read(dir);
        boolean sweep = "sweep".equals(r.mode());
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("kind", sweep ? "capacity sweep" : "capacity search");
        parts.put("title", "capacity of " + r.scenario() + " against " + r.target());
        parts.put("subtitle", "SLO " + String.join(", ", r.slo()) + " · " + r.steps().size() + " steps · " + Math.round(r.durationS())
                + " s · started " + Figures.instant(r.started()));
        List<Banner> banners = new ArrayList<>();
        boolean found = "bracketed".equals(r.outcome()) || "at_max".equals(r.outcome()) || sweep && r.sustainableRatePerS() != null
                && r.steps().stream().noneMatch(s -> s.verdict() == StepVerdict.INVALID);
        if (!found) banners.add(new Banner("bad", "CAPACITY NOT FOUND.", r.conclusion() + "."));
        if ("at_max".equals(r.outcome())) banners.add(new Banner("warn", "At the ceiling.", r.conclusion() + "."));
        parts.put("banners", banners);
        List<Card> cards = cards(r, sweep, found);
        parts.put("cards", cards);
        parts.put("hasCards", true);
        parts.put("tablesTop", List.of(steps(r, sweep)));
        parts.put("capacity", true);
        parts.put("sweep", sweep);
        parts.put("usl", r.usl() != null);
        parts.put("uslNote", r.usl() != null ? r.usl().note() : r.uslNote());
        parts.put("tablesBottom", List.of());
        List<String> notes = new ArrayList<>();
        notes.add("A step passes when every SLO holds over its measured window, the injector produced at least 98% of the offered rate, "
                + "and response times are not still climbing (a backlog that grows fails even while the window's p99 is in budget).");
        notes.add("A step is INVALID when it describes the injector, not the target: it could not produce the load, or arrivals waited "
                + "for one of its --connections while the target met the SLOs on the requests that had one.");
        if (r.usl() != null) {
            notes.add("USL points are the steps in a steady state, at concurrency " + (sweep ? "N (the users of the level)"
                    : "N = X·R by Little's law (throughput times mean service time)") + ".");
        }
        parts.put("notes", notes);
        parts.put("hasNotes", true);
        parts.put("generated", Instant.now().toString());
        parts.put("sources", dir.getFileName() + "/" + CapacityResult.FILE);
        return ReportPage.render(parts, data(dir, r, sweep));
    }

    private static List<Card> cards(CapacityResult r, boolean sweep, boolean found) {
        List<Card> cards = new ArrayList<>();
        Double s = r.sustainableRatePerS();
        cards.add(new Card(sweep ? "best throughput in SLO" : "sustainable rate", s == null ? "none" : Figures.rate(s),
                sweep ? "the highest of a level that met every SLO" : bracketNote(r), found ? "good" : "bad"));
        List<String> rest = r.slo().size() > 1 ? r.slo().subList(1, r.slo().size()) : List.of();
        cards.add(new Card("SLO", r.slo().isEmpty() ? "none" : r.slo().get(0),
                (rest.isEmpty() ? "" : String.join(", ", rest) + " · ") + "over each step's measured window", ""));
        long invalid = r.steps().stream().filter(st -> st.verdict() == StepVerdict.INVALID).count();
        cards.add(new Card("steps", String.valueOf(r.steps().size()), r.steps().stream().filter(st -> st.verdict() == StepVerdict.PASS).count()
                + " passed" + (invalid > 0 ? ", " + invalid + " invalid" : ""), invalid > 0 ? "bad" : ""));
        UslFigures u = r.usl();
        if (u != null) {
            cards.add(new Card("contention σ", String.format(Locale.ROOT, "%.4g", u.sigma()), "coherency κ " + String.format(Locale.ROOT, "%.3g",
                    u.kappa()) + " · R² " + String.format(Locale.ROOT, "%.3f", u.r2()), ""));
            cards.add(new Card("USL peak", u.peakThroughput() == null ? "unbounded" : Figures.rate(u.peakThroughput()),
                    u.peakConcurrency() == null ? "no peak: κ = 0" : String.format(Locale.ROOT, "at concurrency N* = %.3g", u.peakConcurrency())
                            + (u.reachesPeak() ? "" : " (extrapolated)"), ""));
        }
        return cards;
    }

    private static String bracketNote(CapacityResult r) {
        if (r.bracket() == null || r.bracket().highPerS() == null) return r.outcome().replace('_', ' ');
        return Figures.rate(r.bracket().highPerS()) + " failed" + (r.resolution() == null ? "" : String.format(Locale.ROOT,
                "; resolution %.3g%%", r.resolution() * 100));
    }

    private static Table steps(CapacityResult r, boolean sweep) {
        List<Row> rows = new ArrayList<>();
        for (CapacityStep s : r.steps()) {
            String css = s.verdict() == StepVerdict.PASS ? "better" : "bad";
            rows.add(new Row(List.of(Cell.num(String.valueOf(s.index())),
                    Cell.num(sweep ? String.valueOf(s.users()) : Figures.rate(s.offeredPerS())), Cell.num(Figures.rate(s.throughputPerS())),
                    Cell.num(time(s, s.p50Us())), Cell.num(time(s, s.p95Us())), Cell.num(time(s, s.p99Us())), Cell.num(time(s, s.p999Us())),
                    Cell.num(Percent.text(s.errorRate())), Cell.num(String.format(Locale.ROOT, "%.1f", s.concurrency())),
                    new Cell(s.verdict().id(), css), Cell.text(s.reason()), Cell.code(s.dir()))));
        }
        return new Table("steps", "Steps", "Each step is a complete run directory; `loadlab report` on it shows its own page.",
                List.of("#", sweep ? "users" : "offered", "throughput", "p50", "p95", "p99", "p99.9", "errors", "in flight", "verdict", "why",
                        "directory"), rows);
    }

    /** A step's percentile, or "–" when the step had no successful request. */
    private static String time(CapacityStep s, long us) {
        return s.timed() ? Figures.micros(us) : Figures.NONE;
    }

    private static Map<String, Object> data(Path dir, CapacityResult r, boolean sweep) {
        Map<String, Object> capacity = new LinkedHashMap<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> spectra = new ArrayList<>();
        for (CapacityStep s : r.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("index", s.index());
            step.put("offered", s.offeredPerS());
            step.put("users", s.users());
            step.put("throughput", s.throughputPerS());
            step.put("achieved", s.achievedPerS());
            step.put("p50", s.p50Us());
            step.put("p95", s.p95Us());
            step.put("p99", s.p99Us());
            step.put("p999", s.p999Us());
            step.put("verdict", s.verdict().id());
            steps.add(step);
            PercentileSpectrum spectrum = spectrum(dir.resolve(s.dir()));
            if (spectrum != null && spectrum.percentiles().length > 0) {
                spectra.add(Map.of("label", "#" + s.index() + " " + (sweep ? s.users() + " users" : Figures.rate(s.offeredPerS()))
                        + (s.verdict() == StepVerdict.PASS ? "" : " (" + s.verdict().id() + ")"), "verdict", s.verdict().id(),
                        "percentiles", spectrum.percentiles(), "values_us", spectrum.valuesUs()));
            }
        }
        capacity.put("sweep", sweep);
        capacity.put("steps", steps);
        capacity.put("spectra", spectra);
        capacity.put("sustainable", r.sustainableRatePerS());
        List<Map<String, Object>> slos = new ArrayList<>();
        for (String text : r.slo()) {
            Slo slo = Slo.parse(text);
            if (!slo.isErrorBudget()) slos.add(Map.of("label", text, "value_us", slo.limit().value()));
        }
        capacity.put("slo", slos);
        UslFigures u = r.usl();
        if (u != null) {
            Map<String, Object> usl = new LinkedHashMap<>();
            usl.put("points", u.points().stream().map(p -> Map.of("x", p.concurrency(), "y", p.throughput())).toList());
            double top = u.points().stream().mapToDouble(p -> p.concurrency()).max().orElse(1);
            if (u.peakConcurrency() != null) top = Math.max(top, 1.5 * u.peakConcurrency());
            List<Map<String, Double>> curve = new ArrayList<>();
            for (int i = 0; i <= 200; i++) {
                double n = top * i / 200.0;
                if (n <= 0) continue;
                curve.add(Map.of("x", n, "y", u.lambda() * n / (1 + u.sigma() * (n - 1) + u.kappa() * n * (n - 1))));
            }
            usl.put("curve", curve);
            usl.put("peak_concurrency", u.peakConcurrency());
            usl.put("label", String.format(Locale.ROOT, "USL: σ %.3g, κ %.3g, λ %.4g/s", u.sigma(), u.kappa(), u.lambda()));
            capacity.put("usl", usl);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "capacity");
        data.put("runs", List.of(Map.of("label", dir.getFileName().toString())));
        data.put("capacity", capacity);
        return data;
    }

    /** A step's response-time spectrum of all requests, or null when its directory cannot be read. */
    private static PercentileSpectrum spectrum(Path stepDir) {
        try {
            LoadRunView view = LoadRunView.read(RunDirectory.open(stepDir));
            LoadRunView.Spectra s = view.spectra().get(RequestHistograms.ALL);
            return s == null ? null : s.response();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
