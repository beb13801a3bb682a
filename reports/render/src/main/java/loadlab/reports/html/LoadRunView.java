package loadlab.reports.html;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import loadlab.recording.RequestHistograms;
import loadlab.recording.RunDirectory;
import loadlab.reports.amplification.TailAmplification;
import loadlab.recording.RunManifest;
import loadlab.recording.Summary;

/**
 * Everything the report shows about one load run, read through the run directory's model: the
 * manifest, the summary (computed from the logs), each request name's percentile spectra (of
 * successes), the timeline, the profile's target curve and the target's own metrics.
 *
 * @param spectra response-time and service-time spectra per request name, {@value RequestHistograms#ALL} for all
 * @param server  null when the run scraped no metrics
 * @param amplification one row per request that declared a fan-out in its Server-Timing; empty otherwise
 */
public record LoadRunView(String label, RunManifest manifest, Summary summary, Map<String, Spectra> spectra,
                          LatencyTimeline timeline, TargetCurve target, ServerMetrics server, List<TailAmplification> amplification) {

    public record Spectra(PercentileSpectrum response, PercentileSpectrum service) {}

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

        Map<String, Spectra> spectra = new LinkedHashMap<>();
        spectra.put(RequestHistograms.ALL, spectra(latency, service, RequestHistograms.ALL));
        for (String name : latency.names()) {
            if (latency.okCount(name) > 0) spectra.put(name, spectra(latency, service, name));
        }
        ServerMetrics server = ServerMetrics.read(run.path(), manifest.measureFromMillis(), -1.5, seconds + 1.5);
        return new LoadRunView(RunLabel.of(run.path()), manifest, summary, spectra, timeline, TargetCurve.of(manifest.profile()), server,
                TailAmplification.of(run));
    }

    private static Spectra spectra(RequestHistograms latency, RequestHistograms service, String name) {
        return new Spectra(PercentileSpectrum.of(latency.ok(name)), PercentileSpectrum.of(service.ok(name)));
    }
}
