package loadlab.service.timeline;

import java.util.ArrayList;
import java.util.List;

import loadlab.service.ServiceConfig;
import loadlab.service.support.RealBackends;
import loadlab.testkit.EndToEnd;

/** The service contract on PostgreSQL, a Redis cache and Redis Streams, each service in its own schema and key prefix. */
@EndToEnd
class RealBackendsReferenceServiceTest extends ReferenceServiceContract {
    private final List<String> names = new ArrayList<>();

    @Override
    protected ServiceConfig withFreshBackends(ServiceConfig config) {
        String name = RealBackends.uniqueName("loadlab_test");
        names.add(name);
        String redis = RealBackends.redis(name);
        return config.withBackends(RealBackends.postgres(name), redis, redis);
    }

    @Override
    protected void cleanup() {
        for (String name : names) {
            RealBackends.dropSchema(name);
            RealBackends.deleteKeys(name);
        }
        names.clear();
    }
}
