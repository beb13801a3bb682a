package loadlab.injector.internal.run;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.net.URI;
import java.nio.file.Files;

import io.gatling.javaapi.core.Simulation;

import loadlab.injector.internal.gatling.GatlingInjection;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.ProfileSpec;

/**
 * The baseline for loadlab's recording overhead: the same open-model load as {@code http-get}
 * (same injection steps, same HTTP settings) as a plain Gatling simulation, without loadlab's
 * timing steps or recorders. Run it with the test class path:
 * <pre>
 *   java -cp ... loadlab.injector.internal.run.PlainGatlingBaseline URL RATE DURATION WARMUP [writers]
 * </pre>
 * and compare its CPU time with a {@code loadlab run} of the same profile. {@code writers} turns
 * Gatling's own console and simulation.log writers back on, as a Gatling user runs it.
 */
public final class PlainGatlingBaseline {
    static String url;
    static OpenProfile profile;

    /** The plain simulation: one GET per arriving user, nothing else. */
    public static class PlainHttpGet extends Simulation {
        {
            URI target = URI.create(url);
            setUp(scenario("plain").exec(http("GET").get(target.getRawPath())).injectOpen(GatlingInjection.open(profile)))
                    .protocols(http.baseUrl(target.getScheme() + "://" + target.getRawAuthority()).shareConnections().disableWarmUp()
                            .disableCaching());
        }
    }

    public static void main(String[] args) throws Exception {
        GatlingOffline.apply();
        url = args[0];
        profile = (OpenProfile) new ProfileSpec(args[1], null, null, null, null, args[2], args[3], null).toProfile();
        if (args.length > 4 && args[4].equals("writers")) {
            System.setProperty("gatling.data.writers.0", "console");
            System.setProperty("gatling.data.writers.1", "file");
        }
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation", PlainHttpGet.class.getName(),
                "--results-folder", Files.createTempDirectory("plain-gatling").toString(), "--no-reports"});
        System.exit(status);
    }
}
