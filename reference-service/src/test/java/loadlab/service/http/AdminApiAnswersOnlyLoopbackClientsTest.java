package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import loadlab.service.ReferenceService;
import loadlab.service.fault.Block;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;

/**
 * The admin API can take the service down, so only clients on the loopback interface may use it.
 * Remote clients are simulated at the API boundary (tests send traffic only to loopback).
 */
class AdminApiAnswersOnlyLoopbackClientsTest {
    private static ReferenceService service;

    @BeforeAll
    static void start() {
        service = EmbeddedService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static ApiResponse from(String address, String method, String path, String body) throws Exception {
        long now = System.nanoTime();
        Map<String, String> headers = body == null ? Map.of() : Map.of("content-type", "application/json");
        return service.api().handle(new ApiRequest(method, path, Map.of(), headers, body == null ? null : body.getBytes(),
                InetAddress.getByName(address), now, now));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /admin/faults", "PUT, /admin/faults/store", "DELETE, /admin/faults", "DELETE, /admin/faults/cache",
            "POST, /admin/stall", "POST, /admin/rebuild", "GET, /admin/verify", "GET, /admin/nothing-here"})
    void everyAdminRouteRefusesARemoteClient(String method, String path) throws Exception {
        ApiResponse response = from("10.1.2.3", method, path, "{\"down\": true, \"duration_ms\": 60000}");
        assertEquals(403, response.status());
        assertTrue(new String(response.body()).contains("loopback"));
        assertTrue(service.faults().snapshot().isEmpty(), "nothing was changed");
        assertTrue(!service.stall().active());
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.0.7", "2001:db8::1", "::ffff:10.0.0.1"})
    void remoteAddressesOfEveryShapeAreRefused(String address) throws Exception {
        assertEquals(403, from(address, "GET", "/admin/faults", null).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1"})
    void loopbackClientsMayAdminister(String address) throws Exception {
        assertEquals(200, from(address, "PUT", "/admin/faults/index", "{\"down\": true}").status());
        assertTrue(service.faults().isDown(Block.INDEX));
        assertEquals(200, from(address, "DELETE", "/admin/faults", null).status());
        assertTrue(service.faults().snapshot().isEmpty());
    }

    @Test
    void theRealServerKnowsALoopbackClientWhenItSeesOne() {
        HttpCall.Reply reply = HttpCall.get(service.uri(), "/admin/faults");
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void publicRoutesStayOpenToEveryone() throws Exception {
        assertEquals(200, from("10.1.2.3", "GET", "/health", null).status());
    }
}
