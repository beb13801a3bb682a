package loadlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import loadlab.scenarios.profile.ProfileSpec;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.FreezingServer;
import loadlab.injector.internal.run.Engine;

/**
 * Out of the box Gatling phones home (usage analytics, a release check against Maven Central, a
 * warm-up request to its web site). Every connect(2) the injector JVM makes is traced at the
 * system-call level, on both engines: each must go to the target on loopback, and the request
 * engine opens no more connections than it is allowed.
 */
@EndToEnd
class TheInjectorConnectsOnlyToTheTargetTest {
    private static final Pattern INET = Pattern.compile("connect\\(\\d+, \\{sa_family=AF_INET6?, sin6?_port=htons\\((\\d+)\\),.*?(?:inet_addr\\(\"([^\"]+)\"\\)|inet_pton\\(AF_INET6, \"([^\"]+)\")");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyConnectionOfTheInjectorGoesToTheTarget(Engine engine) throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        if (!Files.isExecutable(strace)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("strace is required when CI=true (apt-get install strace)");
            Assumptions.abort("strace is not installed");
        }
        Path trace = tmp.resolve("connect.trace");
        try (FreezingServer target = new FreezingServer(1_000, 0)) {
            InjectorRuns.run(tmp.resolve("runs"), target.url(), new ProfileSpec("50/s", null, null, null, null, "3s", "1s", null),
                    List.of(strace.toString(), "-f", "-qq", "-e", "trace=connect", "-o", trace.toString()), engine, 8);
            List<String> elsewhere = new ArrayList<>();
            int toTarget = 0;
            for (String line : Files.readAllLines(trace)) {
                if (!line.contains("connect(") || line.contains("AF_UNIX") || line.contains("AF_UNSPEC")) continue;
                Matcher m = INET.matcher(line);
                if (!m.find()) {
                    elsewhere.add(line);
                    continue;
                }
                String address = m.group(2) != null ? m.group(2) : m.group(3);
                boolean loopback = address.equals("127.0.0.1") || address.equals("::1") || address.equals("::ffff:127.0.0.1");
                if (loopback && Integer.parseInt(m.group(1)) == target.port()) toTarget++;
                else elsewhere.add(line);
            }
            assertTrue(toTarget > 0, "the trace saw the connections to the target, so it would see any other");
            assertEquals(List.of(), elsewhere, "connections to anything but the target");
            if (engine == Engine.REQUESTS) assertTrue(toTarget <= 8, "at most --connections 8 connections, saw " + toTarget);
        }
    }
}
