package loadlab.service.cache;

import loadlab.service.fault.Block;
import loadlab.service.redis.RedisClient;
import loadlab.service.redis.RedisLocation;
import loadlab.service.support.RealBackends;
import loadlab.testkit.EndToEnd;

/** The contract on this machine's Redis, under a key prefix of its own. */
@EndToEnd
class RedisTimelineCacheTest extends TimelineCacheContract {
    private String prefix;

    @Override
    protected TimelineCache open(int window) {
        prefix = RealBackends.uniqueName("loadlab-test");
        RedisLocation location = RedisLocation.parse("--cache", RealBackends.redis(prefix));
        return new RedisTimelineCache(new RedisClient(location, Block.CACHE, 4), window);
    }

    @Override
    protected void cleanup() {
        RealBackends.deleteKeys(prefix);
    }
}
