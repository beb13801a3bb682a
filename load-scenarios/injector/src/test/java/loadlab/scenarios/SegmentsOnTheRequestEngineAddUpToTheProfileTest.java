package loadlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunDirectory;
import loadlab.recording.RunMerge;
import loadlab.scenarios.profile.ProfileSpec;
import loadlab.injector.internal.run.LoadRun;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.FreezingServer;
import loadlab.injector.internal.run.RunSpec;
import loadlab.injector.internal.run.Engine;

/**
 * Two injectors each run their segment of one profile on the request engine, side by side; merged,
 * they are exactly the profile: every arrival once, none twice.
 */
@EndToEnd
class SegmentsOnTheRequestEngineAddUpToTheProfileTest {
    @TempDir
    Path runs;

    @Test
    void twoSegmentsMergeIntoExactlyTheProfile() throws Exception {
        try (FreezingServer target = new FreezingServer(3_600_000, 0)) {
            ProfileSpec profile = new ProfileSpec("101/s", null, null, null, null, "3s", "1s", null);
            CompletableFuture<LoadRun.Result> first = CompletableFuture.supplyAsync(() -> segment(target, profile, "1/2"));
            CompletableFuture<LoadRun.Result> second = CompletableFuture.supplyAsync(() -> segment(target, profile, "2/2"));
            RunDirectory a = first.get().run();
            RunDirectory b = second.get().run();
            assertEquals(303, a.summary().total().count() + b.summary().total().count(), "the shares add up: 3 s at 101/s");
            RunDirectory merged = RunMerge.merge(List.of(a.path(), b.path()), RunDirectory.create(runs, "merged", Instant.now()));
            assertEquals(303, merged.summary().total().count());
            assertEquals(0, merged.summary().total().errors().total());
        }
    }

    private LoadRun.Result segment(FreezingServer target, ProfileSpec profile, String segment) {
        try {
            return InjectorRuns.run(runs.resolve(segment.replace('/', '-')), RunSpec.builder("http-get", target.url(), profile).name("seg")
                    .segment(segment).engine(Engine.REQUESTS).connections(8).build(), List.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
