package loadlab.reports.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import loadlab.recording.RequestHistograms;
import loadlab.recording.RequestNamePattern;
import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;

/**
 * The gate on a {@code Server-Timing} entry ({@code metric: server-timing-p99, entry: store}): the
 * entry's percentile for each request name that matches (every name that has the entry, for "*"),
 * against a limit. A run without that entry fails the check, as anything not measured does: a
 * target that stopped sending the header must not pass a gate on it.
 */
final class ServerTimingGate {
    private ServerTimingGate() {}

    static List<CheckResult> judge(Check c, RunDirectory run) {
        Summary.ServerTiming t = run.summary().serverTiming();
        String what = c.metric().id() + " of " + c.entry() + " in " + RequestHistograms.describe(c.request()) + " " + c.bound().id() + " "
                + c.limit().text();
        RequestNamePattern glob = RequestHistograms.ALL.equals(c.request()) ? null : RequestNamePattern.of(c.request());
        List<CheckResult> out = new ArrayList<>();
        if (t != null) {
            for (Map.Entry<String, Map<String, Summary.Distribution>> e : t.entries().entrySet()) {
                Summary.Distribution d = e.getValue().get(c.entry());
                if (d == null || d.count() == 0 || (glob != null && !glob.matches(e.getKey()))) continue;
                double v = c.metric().read(d);
                boolean ok = c.bound().holds(v, c.limit().value());
                out.add(new CheckResult(c.kind(), c.metric().id() + " of " + c.entry() + " in " + e.getKey() + " " + c.bound().id() + " "
                        + c.limit().text(), "", Gate.format(c.metric(), v), "limit " + c.limit().text(), ok ? CheckResult.Verdict.PASS
                        : CheckResult.Verdict.FAIL, String.format(java.util.Locale.ROOT, "%s of %,d %s calls in %s: %s, limit %s %s",
                        c.metric().id(), d.count(), c.entry(), e.getKey(), Gate.format(c.metric(), v), c.bound().id(), c.limit().text())));
            }
        }
        if (out.isEmpty()) {
            out.add(new CheckResult(c.kind(), what, "", "not measured", "limit " + c.limit().text(), CheckResult.Verdict.FAIL,
                    run.path() + " has no Server-Timing entry '" + c.entry() + "'" + (glob == null ? "" : " in a request named " + c.request())
                            + (t == null ? ": the target sent no Server-Timing headers" : "; it has " + t.entries().keySet() + " with "
                            + t.entries().values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList())));
        }
        return out;
    }
}
