package loadlab.reports;

import java.io.PrintWriter;
import java.util.Map;

import loadlab.recording.Micros;
import loadlab.recording.Summary;

/**
 * A run's summary as the table printed at the end of {@code loadlab run}: one row per request
 * name and a total, times with units chosen for reading, and the injector's verdict, loudly when the
 * run is invalid.
 */
public final class SummaryTable {
    private SummaryTable() {}

    public static void print(Summary s, PrintWriter out) {
        Summary.Injector inj = s.injector();
        out.printf("%n%s %s  %s model  measured %.0f s%s%n", s.run().scenario(), s.run().target(), s.run().model(),
                s.run().measuredSeconds(), s.run().interrupted() ? "  (INTERRUPTED: partial run)" : "");
        out.printf("%-16s %9s %8s %10s %10s %10s %10s %10s %10s %10s%n", "request", "count", "errors", "rate/s", "p50", "p90", "p99",
                "p99.9", "max", "svc p99");
        for (Map.Entry<String, Summary.Stats> e : s.requests().entrySet()) row(out, e.getKey(), e.getValue());
        row(out, "total", s.total());
        if (!s.total().errors().byCause().isEmpty()) out.println("errors by cause: " + s.total().errors().byCause());
        String target = inj.targetRate() == null ? "closed model (no schedule: coordinated omission not corrected)"
                : String.format("target %.1f/s, achieved %.1f/s", inj.targetRate(), inj.achievedRate());
        out.printf("injector: %s, start lag p99 %s%n", target, Micros.text(inj.lagP99Us()));
        if ("ok".equals(inj.verdict())) {
            out.println("injector verdict: ok");
        } else {
            out.println("!!! INJECTOR VERDICT: " + inj.verdict().toUpperCase() + " — " + inj.reason());
            out.println("!!! these figures do not describe the target under the intended load");
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, Summary.Stats st) {
        Summary.Distribution d = st.latencyUs();
        out.printf("%-16s %9d %8d %10.1f %10s %10s %10s %10s %10s %10s%n", name.length() > 16 ? name.substring(0, 16) : name, st.count(),
                st.errors().total(), st.throughput(), Micros.text(d.p50()), Micros.text(d.p90()), Micros.text(d.p99()),
                Micros.text(d.p999()), Micros.text(d.max()), Micros.text(st.serviceTimeUs().p99()));
    }
}
