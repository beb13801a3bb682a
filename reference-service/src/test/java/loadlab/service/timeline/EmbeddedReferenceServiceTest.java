package loadlab.service.timeline;

import loadlab.service.ServiceConfig;

/** The service contract on the embedded backends: H2, Caffeine, the in-process stream. */
class EmbeddedReferenceServiceTest extends ReferenceServiceContract {
    @Override
    protected ServiceConfig withFreshBackends(ServiceConfig config) {
        return config.withBackends("h2:mem", "caffeine", "in-process");
    }
}
