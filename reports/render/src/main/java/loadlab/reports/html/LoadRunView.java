package loadlab.reports.html;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import loadlab.recording.RequestHistograms;
import loadlab.recording.RunDirectory;
import loadlab.reports.amplification.TailAmplification;
import loadlab.recording.Histograms;
import loadlab.recording.RunManifest;
import loadlab.recording.ServerTimings;
import loadlab.recording.Summary;

/**
 * Everything the report shows about one load run, read through the run directory's model: the
 * manifest, the summary (computed from the logs), each request name's percentile spectra (of
 * successes, and of each {@code Server-Timing} entry the target reported beside them), the timeline,
 * the profile's target curve and the target's own metrics.
 *
 * @param spectra response-time, service-time and Server-Timing entry spectra per request name, {@value RequestHistograms#ALL} for all
 * @param server  null when the run scraped no metrics
 * @param amplification one row per request that declared a fan-out in its Server-Timing; empty otherwise
 */
public record LoadRunView(String label, RunManifest manifest, Summary summary, Map<String, Spectra> spectra,
                          LatencyTimeline timeline, TargetCurve target, ServerMetrics server, List<TailAmplification> amplification) {

    /** @param entries each {@code Server-Timing} entry's spectrum (of every response that carried it), by entry name; empty without them */
    public record Spectra(PercentileSpectrum response, PercentileSpectrum service, Map<String, PercentileSpectrum> entries) {}

    public static LoadRunView read(Path dir) {
        return read(RunDirectory.open(dir));
    }

    public static LoadRunView read(RunDirectory run) {
        Summary summary = run.summary();
        if (summary.total().count() == 0) {
            throw new IllegalArgumentException(run.path() + " counted no request (" + summary.run().state().id() + ": "
                    + summary.run().stateReason() + "); there is nothing to report");
        }
        RunManifest manifest = run.manifest();
        double seconds = summary.run().measuredSeconds();
        RequestHistograms latency = new RequestHistograms();
        RequestHistograms service = new RequestHistograms();
        LatencyTimeline timeline = LatencyTimeline.read(run, seconds, latency, service);

        ServerTimings timings = run.serverTimings();
        Map<String, Spectra> spectra = new LinkedHashMap<>();
        spectra.put(RequestHistograms.ALL, spectra(latency, service, RequestHistograms.ALL, entries(timings, null)));
        for (String name : latency.names()) {
            if (latency.okCount(name) > 0) spectra.put(name, spectra(latency, service, name, entries(timings, name)));
        }
        ServerMetrics server = ServerMetrics.read(run.path(), manifest.measureFromMillis(), -1.5, seconds + 1.5);
        return new LoadRunView(RunLabel.of(run.path()), manifest, summary, spectra, timeline, TargetCurve.of(manifest.profile()), server,
                TailAmplification.of(timings, service));
    }

    private static Spectra spectra(RequestHistograms latency, RequestHistograms service, String name, Map<String, PercentileSpectrum> entries) {
        return new Spectra(PercentileSpectrum.of(latency.ok(name)), PercentileSpectrum.of(service.ok(name)), entries);
    }

    /** One request's entries, or (request null) each entry name over every request. */
    private static Map<String, PercentileSpectrum> entries(ServerTimings timings, String request) {
        if (timings == null) return Map.of();
        Map<String, Histogram> byEntry = new TreeMap<>();
        timings.names().forEach((r, entries) -> {
            if (request != null && !r.equals(request)) return;
            for (String e : entries) byEntry.computeIfAbsent(e, k -> Histograms.empty()).add(timings.entry(r, e));
        });
        Map<String, PercentileSpectrum> out = new LinkedHashMap<>();
        byEntry.forEach((e, h) -> out.put(e, PercentileSpectrum.of(h)));
        return out;
    }
}
