package loadlab.service.timeline;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import loadlab.service.Blocks;
import loadlab.service.fault.ProcessStall;
import loadlab.service.model.TimelineEvent;
import loadlab.service.model.TimelineEvent.FollowChanged;
import loadlab.service.model.TimelineEvent.PostPublished;
import loadlab.service.stream.Delivery;
import loadlab.service.verify.ConvergenceTracker;

/**
 * The asynchronous fan-out worker: keeps cached home timelines in step with the system of record.
 * A new post is pushed into every follower's cached timeline (except a celebrity's, under hybrid);
 * a follow change drops the follower's cached timeline so the next read loads it whole, and
 * re-evaluates whether the followee is a celebrity.
 */
public final class FanoutWorker extends StreamWorker {
    public static final String GROUP = "fanout";

    private final Blocks blocks;
    private final TimelineStrategy strategy;
    private final CelebritySet celebrities;
    private final ConvergenceTracker tracker;
    private final LongSupplier clockMicros;
    private final Timer lag;

    public FanoutWorker(Blocks blocks, TimelineStrategy strategy, CelebritySet celebrities, ConvergenceTracker tracker,
                        WorkerGate gate, ProcessStall stall, DerivedDataRepair repair, LongSupplier clockMicros, MeterRegistry registry) {
        super("fanout", blocks.stream().subscribe(GROUP), gate, stall, repair);
        this.blocks = blocks;
        this.strategy = strategy;
        this.celebrities = celebrities;
        this.tracker = tracker;
        this.clockMicros = clockMicros;
        this.lag = Timer.builder("fanout.lag").description("Acknowledgement of a write to its fan-out into cached timelines")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    protected void apply(List<Delivery> batch) {
        for (Delivery d : batch) {
            TimelineEvent event = d.event();
            if (event instanceof PostPublished p) fanOut(p);
            else if (event instanceof FollowChanged c) followChanged(c);
        }
        long now = clockMicros.getAsLong();
        for (Delivery d : batch) {
            lag.record(Math.max(0, now - d.event().acknowledgedMicros()), TimeUnit.MICROSECONDS);
            if (d.event() instanceof PostPublished p) tracker.fannedOut(p.post().id());
        }
    }

    private void fanOut(PostPublished p) {
        if (!strategy.usesTimelineCache()) return;
        long author = p.post().author();
        if (strategy == TimelineStrategy.HYBRID && celebrities.contains(author)) return;
        blocks.cache().push(blocks.store().followers(author), p.post().entry());
    }

    private void followChanged(FollowChanged c) {
        if (!strategy.usesTimelineCache()) return;
        blocks.cache().invalidate(c.follower());
        if (strategy == TimelineStrategy.HYBRID) {
            boolean demoted = celebrities.update(c.followee(), blocks.store().followerCount(c.followee()));
            if (demoted) {
                for (long follower : blocks.store().followers(c.followee())) blocks.cache().invalidate(follower);
            }
        }
    }
}
