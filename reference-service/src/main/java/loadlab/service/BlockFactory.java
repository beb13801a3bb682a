package loadlab.service;

import java.util.List;

import loadlab.service.cache.CaffeineTimelineCache;
import loadlab.service.cache.RedisTimelineCache;
import loadlab.service.cache.TimelineCache;
import loadlab.service.fault.Block;
import loadlab.service.fault.FaultPlan;
import loadlab.service.redis.RedisClient;
import loadlab.service.redis.RedisLocation;
import loadlab.service.search.LuceneSearchIndex;
import loadlab.service.search.SearchIndex;
import loadlab.service.store.JdbcRecordStore;
import loadlab.service.store.RecordStore;
import loadlab.service.store.StoreLocation;
import loadlab.service.stream.EventStream;
import loadlab.service.stream.InProcessEventStream;
import loadlab.service.stream.RedisEventStream;
import loadlab.service.timeline.FanoutWorker;
import loadlab.service.timeline.IndexWorker;

import io.micrometer.core.instrument.MeterRegistry;

/** Picks each building block's backend from the configuration: embedded by default, real when a URI names one. */
public final class BlockFactory {
    private BlockFactory() {}

    public static Blocks open(ServiceConfig config) {
        JdbcRecordStore store = new JdbcRecordStore(StoreLocation.parse(config.store()), config.storePoolSize());
        try {
            TimelineCache cache = cache(config);
            EventStream stream = stream(config);
            return new Blocks(store, cache, new LuceneSearchIndex(), stream);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static TimelineCache cache(ServiceConfig config) {
        String spec = config.cache();
        if (spec == null || spec.equals("caffeine") || spec.equals("embedded")) {
            return new CaffeineTimelineCache(config.timelineWindow(), config.cachedTimelines(), 4 * config.cachedTimelines());
        }
        if (spec.startsWith("redis://")) {
            return new RedisTimelineCache(new RedisClient(RedisLocation.parse("--cache", spec), Block.CACHE, 64), config.timelineWindow());
        }
        throw new IllegalArgumentException("--cache '" + spec + "' is not understood; use caffeine or redis://127.0.0.1:6379");
    }

    static EventStream stream(ServiceConfig config) {
        String spec = config.stream();
        List<String> groups = List.of(FanoutWorker.GROUP, IndexWorker.GROUP);
        if (spec == null || spec.equals("in-process") || spec.equals("embedded")) return new InProcessEventStream(groups);
        if (spec.startsWith("redis://")) {
            return new RedisEventStream(new RedisClient(RedisLocation.parse("--stream", spec), Block.STREAM, 8), groups);
        }
        throw new IllegalArgumentException("--stream '" + spec + "' is not understood; use in-process or redis://127.0.0.1:6379");
    }

    /** The same blocks seen through the fault-and-timer boundary. */
    static Blocks instrument(Blocks raw, FaultPlan faults, MeterRegistry registry) {
        return new Blocks(
                BlockBoundary.wrap(RecordStore.class, raw.store(), Block.STORE, faults, registry),
                BlockBoundary.wrap(TimelineCache.class, raw.cache(), Block.CACHE, faults, registry),
                BlockBoundary.wrap(SearchIndex.class, raw.index(), Block.INDEX, faults, registry),
                BlockBoundary.wrap(EventStream.class, raw.stream(), Block.STREAM, faults, registry));
    }
}
