package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;
import loadlab.testkit.EndToEnd;
import loadlab.testkit.LoopbackTarget;

/**
 * A target with a self-signed certificate: refused by default (every request a connection error,
 * and the engine says why), accepted with insecure.
 */
@EndToEnd
class HttpsIsVerifiedUnlessInsecureTest {

    private static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("target.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "target", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) throw new IllegalStateException("keytool: " + output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    private static long[] run(LoopbackTarget target, boolean insecure) throws Exception {
        try (RequestEngine engine = new RequestEngine(new EngineOptions(2, Duration.ofSeconds(10), insecure, 1, null, null))) {
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            engine.run(target.uri(), RequestMix.of(RequestTemplate.get(target.uri())), new OpenProfile(List.of(new RatePhase(20, 20, 1)), 0), recorder, "test");
            long ok = 0;
            long connectionErrors = 0;
            for (RunRecorder.Interval i : recorder.takeIntervals()) {
                if (i.tag().equals("GET")) ok += i.latency().getTotalCount();
                else if (i.tag().equals("GET#connection")) connectionErrors += i.latency().getTotalCount();
                else throw new AssertionError("unexpected tag " + i.tag());
            }
            return new long[] {ok, connectionErrors};
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefaultAndAcceptedWhenInsecure(@TempDir Path dir) throws Exception {
        try (LoopbackTarget target = LoopbackTarget.https(selfSigned(dir))) {
            long[] verified = run(target, false);
            assertEquals(0, verified[0], "nothing succeeds against an untrusted certificate");
            assertEquals(20, verified[1], "every arrival is a connection error, none dropped");
            assertEquals(0, target.requests(), "no request reached the target");

            long[] insecure = run(target, true);
            assertEquals(20, insecure[0]);
            assertEquals(0, insecure[1]);
            assertTrue(target.requests() == 20);
        }
    }
}
