package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run has exactly one state, decided by the model from its manifest and its logs. */
class RunStateIsDecidedOnceTest {
    @TempDir
    Path dir;

    private RunDirectory run(UnaryOperator<RunManifest> manifest, Consumer<RunRecorder> feed) {
        RunFiles.write(dir.resolve(RunManifest.FILE), manifest.apply(RunFixture.manifest(10, 100.0)));
        RunRecorder recorder = new RunRecorder(0);
        try (IntervalLog log = RunFixture.log(recorder, dir)) {
            feed.accept(recorder);
        }
        return RunDirectory.open(dir);
    }

    @Test
    void aRunThatProducedItsLoadIsComplete() {
        RunDirectory r = run(m -> m, rec -> RunFixture.record(rec, "a", 1_000, 1_000, 900, null));
        assertEquals(RunState.COMPLETE, r.state());
        assertNull(r.stateReason());
    }

    @Test
    void aRunInterruptedAfterCountingSaysWhen() {
        RunDirectory r = run(m -> m.ended(m.ended(), 4.2, true, null), rec -> RunFixture.record(rec, "a", 420, 1_000, 900, null));
        assertEquals(RunState.INTERRUPTED, r.state());
        assertTrue(r.stateReason().contains("after 4.2 s of 10 s"), r.stateReason());
    }

    @Test
    void aRunInterruptedInItsWarmUpSaysSo() {
        RunDirectory r = run(m -> m.ended(m.ended(), 0, true, null), rec -> { });
        assertEquals(RunState.INTERRUPTED, r.state());
        assertTrue(r.stateReason().contains("during the warm-up"), r.stateReason());
    }

    @Test
    void aRunWhoseInjectorNeverFinishedIsInterruptedWithItsCause() {
        RunDirectory r = run(m -> m.ended(null, 0, false, null), rec -> RunFixture.record(rec, "a", 100, 1_000, 900, null));
        assertEquals(RunState.INTERRUPTED, r.state());
        assertTrue(r.stateReason().contains("without finishing"), r.stateReason());
        RunDirectory crashed = run(m -> m.ended(m.ended(), 3, true, "the injector crashed: boom"),
                rec -> RunFixture.record(rec, "a", 300, 1_000, 900, null));
        assertTrue(crashed.stateReason().endsWith("the injector crashed: boom"), crashed.stateReason());
    }

    @Test
    void aRunThatCountedNothingIsEmpty() {
        assertEquals(RunState.EMPTY, run(m -> m, rec -> { }).state());
    }

    @Test
    void aRunTheGeneratorCouldNotProduceIsInvalid() {
        RunDirectory r = run(m -> m, rec -> RunFixture.record(rec, "a", 500, 1_000, 900, null));
        assertEquals(RunState.INVALID, r.state());
        assertTrue(r.stateReason().contains("50.0/s of the 100.0/s target"), r.stateReason());
    }
}
