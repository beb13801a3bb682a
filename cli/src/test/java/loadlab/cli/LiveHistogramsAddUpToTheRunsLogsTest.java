package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunState;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * {@code --live otlp=URL}, received by a loopback OTLP receiver built on the protocol's own classes:
 * every push holds each request name's response times as a delta base-2 exponential histogram whose
 * count is exactly what {@code latency.hlog} holds for the seconds it covers, and all pushes add up
 * to the run's count; a collector that goes away mid-run leaves the run complete, its failed pushes
 * said on the console.
 */
@EndToEnd
class LiveHistogramsAddUpToTheRunsLogsTest {
    @TempDir
    Path tmp;

    @Test
    void eachPushEqualsTheLogsSecondsItCovers() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget(); OtlpReceiver collector = new OtlpReceiver(1)) {
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "200/s", "--duration", "20s", "--warmup", "2s",
                    "--live", "otlp=" + collector.url(), "--live-interval", "5s", "--out", runs.toString());
            assertEquals(0, run.exit(), run.out() + run.err());
            RunDirectory dir = RunDirectory.open(RunDirectory.resolve(runs.resolve("latest")));
            List<OtlpReceiver.Point> points = collector.points();
            assertTrue(points.size() >= 4, "a push every 5 s of a 20 s run: " + points);
            long pushed = 0;
            for (OtlpReceiver.Point p : points) {
                assertEquals("DELTA", p.temporality().replace("AGGREGATION_TEMPORALITY_", ""));
                assertEquals(p.count(), p.bucketTotal(), "every count in a bucket");
                long[] inLogs = {0};
                dir.latency(e -> {
                    if (!e.failed() && e.name().equals(p.request()) && e.startMillis() * 1_000_000 >= p.startNanos()
                            && e.endMillis() * 1_000_000 <= p.endNanos()) inLogs[0] += e.histogram().getTotalCount();
                });
                assertEquals(inLogs[0], p.count(), "the push of " + p + " holds exactly the logs' seconds it covers");
                pushed += p.count();
            }
            assertEquals(dir.summary().total().ok(), pushed, "all pushes add up to the run");
            assertTrue(run.out().contains("live: " + (points.size() + 1) + " pushes sent to " + collector.url()),
                    "one push a request name's points, and the first, loadlab.runs.started: " + run.out());
        }
    }

    @Test
    void twoSegmentsPushingToOneCollectorAddUp() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget(); OtlpReceiver collector = new OtlpReceiver(1)) {
            List<CompletableFuture<CliRun>> segments = List.of("1/2", "2/2").stream().map(s -> CompletableFuture.supplyAsync(() ->
                    CliRun.execute("run", "--target", target.url(), "--rate", "200/s", "--duration", "8s", "--warmup", "1s", "--segment", s,
                            "--live", "otlp=" + collector.url(), "--live-interval", "2s", "--out", tmp.resolve("runs-" + s.charAt(0)).toString())))
                    .toList();
            long total = 0;
            for (int k = 1; k <= 2; k++) {
                CliRun run = segments.get(k - 1).get(120, TimeUnit.SECONDS);
                assertEquals(0, run.exit(), run.out() + run.err());
                long counted = RunDirectory.open(RunDirectory.resolve(tmp.resolve("runs-" + k).resolve("latest"))).summary().total().ok();
                String segment = k + "/2";
                long pushed = collector.points().stream().filter(p -> segment.equals(p.segment())).mapToLong(OtlpReceiver.Point::count).sum();
                assertEquals(counted, pushed, "segment " + segment + "'s pushes are its own count, told apart by the resource");
                total += counted;
            }
            assertEquals(total, collector.points().stream().mapToLong(OtlpReceiver.Point::count).sum(), "the collector adds both up");
        }
    }

    @Test
    void aCollectorThatGoesAwayLeavesTheRunComplete() throws Exception {
        try (LoopbackTarget target = new LoopbackTarget()) {
            OtlpReceiver collector = new OtlpReceiver(1);
            CompletableFuture<Void> gone = CompletableFuture.runAsync(() -> {
                try {
                    collector.awaitPushes();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                collector.close();
            });
            Path runs = tmp.resolve("runs");
            CliRun run = CliRun.execute("run", "--target", target.url(), "--rate", "100/s", "--duration", "12s", "--warmup", "1s",
                    "--live", "otlp=" + collector.url(), "--live-interval", "2s", "--out", runs.toString());
            gone.get(30, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.out() + run.err());
            assertEquals(RunState.COMPLETE, RunDirectory.open(RunDirectory.resolve(runs.resolve("latest"))).state());
            assertTrue(run.out().matches("(?s).*live: \\d+ pushes sent to .*; [1-9]\\d* failed and \\d+ dropped.*"), run.out());
        }
    }
}
