package loadlab.reports.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import loadlab.recording.Histograms;
import loadlab.recording.RequestName;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.RunSummarizer;
import loadlab.recording.Summary;

/**
 * Everything the report shows about one load run, read from its run directory: the manifest, the
 * summary (recomputed from the logs when the run died before writing it), each request name's
 * percentile spectra, the timeline, the profile's target curve and the target's own metrics.
 *
 * @param spectra response-time and service-time spectra per request name, {@value LatencyTimeline#ALL} for all
 * @param server  null when the run scraped no metrics
 */
public record LoadRunView(String label, RunManifest manifest, Summary summary, Map<String, Spectra> spectra,
                          LatencyTimeline timeline, TargetCurve target, ServerMetrics server) {

    public record Spectra(PercentileSpectrum response, PercentileSpectrum service) {}

    public static LoadRunView read(Path dir) {
        RunManifest manifest = RunFiles.read(dir.resolve(RunManifest.FILE), RunManifest.class);
        Summary summary = Files.exists(dir.resolve(RunFiles.SUMMARY))
                ? RunFiles.read(dir.resolve(RunFiles.SUMMARY), Summary.class) : RunSummarizer.summarize(dir);
        if (summary.run() == null || summary.injector() == null || summary.total() == null || summary.requests() == null) {
            throw new IllegalArgumentException(dir.resolve(RunFiles.SUMMARY) + " is incomplete (it lacks run, injector, total or requests); "
                    + "delete it and 'loadlab report' recomputes it from the interval logs");
        }
        double seconds = summary.run().measuredSeconds();
        Map<String, Histogram> latency = new TreeMap<>();
        Map<String, Histogram> service = new TreeMap<>();
        LatencyTimeline timeline = LatencyTimeline.read(dir, manifest.measureFromMillis(), seconds, latency, service);

        Map<String, Spectra> spectra = new LinkedHashMap<>();
        Histogram allLatency = Histograms.empty();
        Histogram allService = Histograms.empty();
        Map<String, Spectra> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Histogram> e : latency.entrySet()) {
            if (RequestName.isErrorTag(e.getKey())) continue;
            Histogram svc = service.getOrDefault(e.getKey(), Histograms.empty());
            byName.put(e.getKey(), new Spectra(PercentileSpectrum.of(e.getValue()), PercentileSpectrum.of(svc)));
            allLatency.add(e.getValue());
            allService.add(svc);
        }
        spectra.put(LatencyTimeline.ALL, new Spectra(PercentileSpectrum.of(allLatency), PercentileSpectrum.of(allService)));
        spectra.putAll(byName);

        ServerMetrics server = ServerMetrics.read(dir, manifest.measureFromMillis(), -1.5, seconds + 1.5);
        return new LoadRunView(RunLabel.of(dir), manifest, summary, spectra, timeline, TargetCurve.of(manifest.profile()),
                server);
    }
}
