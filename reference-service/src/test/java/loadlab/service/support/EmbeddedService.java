package loadlab.service.support;

import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;
import loadlab.service.seed.SeedSpec;

/** Starts the reference service on embedded backends, on a free loopback port, with a small seeded data set. */
public final class EmbeddedService {
    private EmbeddedService() {}

    public static ServiceConfig config() {
        return ServiceConfig.defaults().withPort(0).withSeed(new SeedSpec(50, 5, 1.0, 2, 5));
    }

    public static ReferenceService start(ServiceConfig config) {
        try {
            return ReferenceService.start(config);
        } catch (Exception e) {
            throw new IllegalStateException("the reference service did not start", e);
        }
    }

    public static ReferenceService start() {
        return start(config());
    }
}
