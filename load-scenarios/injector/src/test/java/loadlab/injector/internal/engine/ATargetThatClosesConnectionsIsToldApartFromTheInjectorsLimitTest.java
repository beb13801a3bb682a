package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import loadlab.recording.IntervalLog;
import loadlab.recording.RecordedProfile;
import loadlab.recording.RunDirectory;
import loadlab.recording.RunFiles;
import loadlab.recording.RunManifest;
import loadlab.recording.RunRecorder;
import loadlab.recording.Summary;
import loadlab.recording.Tool;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;
import loadlab.testkit.LoopbackServers;

/**
 * A target that closes every connection after its answer (Connection: close, as an HTTP/1.0
 * server does) makes the engine open about one connection per request; the run says so
 * ({@code closed_by_target}) instead of blaming the injector's connection limit. A keep-alive target
 * costs the pool once.
 */
class ATargetThatClosesConnectionsIsToldApartFromTheInjectorsLimitTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "closes connections: {0}")
    @ValueSource(booleans = {true, false})
    void connectionsOpenedPerRequestTellTheTargetsClosingApart(boolean closes) throws Exception {
        HttpServer server = LoopbackServers.http(256);
        server.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            if (closes) x.getResponseHeaders().add("Connection", "close");
            x.sendResponseHeaders(200, 2);
            try (OutputStream out = x.getResponseBody()) {
                out.write("ok".getBytes());
            }
        });
        server.start();
        try {
            URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            long start = System.currentTimeMillis();
            RequestEngine.Report report;
            try (IntervalLog log = new IntervalLog(recorder, dir, start, null, why -> { throw new AssertionError(why); });
                 RequestEngine engine = new RequestEngine(new EngineOptions(4, Duration.ofSeconds(10), false, 1, null, null))) {
                report = engine.run(target, RequestMix.of(RequestTemplate.get(target)), new OpenProfile(List.of(new RatePhase(200, 200, 1)), 0),
                        recorder, "test");
            }
            if (closes) assertTrue(report.connectionsOpened() >= 200, "one connection per request: " + report.connectionsOpened());
            else assertEquals(4, report.connectionsOpened(), "the pool, once");
            RecordedProfile.Open profile = new RecordedProfile.Open(List.of(new RecordedProfile.Phase(200, 200, 1)), 0, 1, 200, null, 1);
            RunFiles.write(dir.resolve(RunManifest.FILE), RunManifest.load("t", "http-get", target.toString(), profile, Map.of(),
                            Instant.ofEpochMilli(start), recorder.countFromMillis(), 200.0, null, Tool.current("test"))
                    .ended(Instant.now().toString(), 1, false, null).withConnections(report.connectionsOpened(), 4));
            Summary.Injector injector = RunDirectory.open(dir).summary().injector();
            assertEquals(report.connectionsOpened(), injector.connectionsOpened());
            if (closes) assertTrue(injector.closedByTarget());
            else assertFalse(injector.closedByTarget());
        } finally {
            server.stop(0);
        }
    }
}
