package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;
import loadlab.service.seed.SeedSpec;
import loadlab.testkit.EndToEnd;

/** The start-up banner says where the service really listens and never shows a password. */
@EndToEnd
class ServiceBannerTellsTheTruthTest {

    @Test
    void aServiceOnEveryInterfaceSaysSo() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withHost("0.0.0.0").withPort(0).withSeed(new SeedSpec(10, 2, 1.0, 1, 1));
        try (ReferenceService service = ReferenceService.start(config)) {
            StringWriter text = new StringWriter();
            ServiceBanner.started(new PrintWriter(text, true), service);
            String banner = text.toString();
            assertTrue(banner.contains("http://127.0.0.1:" + service.port() + " (listening on every interface, *:" + service.port() + ")"), banner);
        }
    }

    @Test
    void aPasswordInABackendLocationIsNeverPrinted() {
        CliRun run = CliRun.execute("serve", "--port", "0", "--users", "10", "--store", "postgres://me:s3cret-pw@127.0.0.1:1/test");
        assertNotEquals(0, run.exit());
        String all = run.out() + run.err();
        assertFalse(all.contains("s3cret-pw"), all);
        assertTrue(all.contains("postgres://me:***@127.0.0.1:1/test"), all);
    }

    @Test
    void theServiceSetupInTheRunManifestHasNoPassword() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withSeed(new SeedSpec(10, 2, 1.0, 1, 1))
                .withBackends("h2:mem", "caffeine", "in-process");
        try (ReferenceService service = ReferenceService.start(config)) {
            Map<String, String> setup = ServiceBanner.setup(service);
            assertTrue(setup.keySet().containsAll(List.of("strategy", "store", "cache", "stream", "workers", "max_queue_delay_ms",
                    "body_timeout_ms")), setup.toString());
        }
    }
}
