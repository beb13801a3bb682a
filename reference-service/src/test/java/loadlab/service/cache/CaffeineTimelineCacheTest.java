package loadlab.service.cache;

/** The contract on the embedded Caffeine cache. */
class CaffeineTimelineCacheTest extends TimelineCacheContract {
    @Override
    protected TimelineCache open(int window) {
        return new CaffeineTimelineCache(window, 1_000, 1_000);
    }
}
