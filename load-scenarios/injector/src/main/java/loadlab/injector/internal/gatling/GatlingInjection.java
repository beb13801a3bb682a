package loadlab.injector.internal.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;

import loadlab.scenarios.profile.ClosedProfile;
import loadlab.scenarios.profile.OpenProfile;

/** Profiles as Gatling injection steps: runs of seconds with equal arrival counts become one step. */
public final class GatlingInjection {
    private GatlingInjection() {}

    public static List<OpenInjectionStep> open(OpenProfile profile) {
        long[] counts = profile.perSecond();
        List<OpenInjectionStep> steps = new ArrayList<>();
        int i = 0;
        while (i < counts.length) {
            int j = i;
            while (j < counts.length && counts[j] == counts[i]) j++;
            int seconds = j - i;
            long users = counts[i] * seconds;
            steps.add(users == 0 ? CoreDsl.nothingFor(Duration.ofSeconds(seconds))
                    : rampUsers((int) users).during(Duration.ofSeconds(seconds)));
            i = j;
        }
        return steps;
    }

    public static ClosedInjectionStep closed(ClosedProfile profile) {
        return constantConcurrentUsers(profile.concurrency()).during(Duration.ofSeconds(profile.warmupSeconds() + profile.measuredSeconds()));
    }
}
