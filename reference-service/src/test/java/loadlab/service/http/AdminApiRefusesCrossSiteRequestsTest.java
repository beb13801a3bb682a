package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import loadlab.service.ReferenceService;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.RawHttp;

/**
 * A web page open in a browser on this machine is a loopback client too: the admin API must not
 * be drivable by it. A cross-site form post, a forged Origin or a rebound DNS name changes nothing.
 */
class AdminApiRefusesCrossSiteRequestsTest {
    private static final byte[] STALL = "{\"duration_ms\": 60000}".getBytes(StandardCharsets.UTF_8);
    private static ReferenceService service;

    @BeforeAll
    static void start() {
        service = EmbeddedService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @AfterEach
    void nothingWasStalledOrFaulted() {
        assertFalse(service.stall().active(), "the process was stalled");
        assertTrue(service.faults().snapshot().isEmpty(), "a fault was set");
    }

    private static RawHttp.Reply post(String headers) {
        return RawHttp.exchange(service.port(), RawHttp.request("POST", "/admin/stall", headers, STALL));
    }

    @Test
    void aCrossSiteFormPostIsRefused() {
        RawHttp.Reply reply = post("Content-Type: text/plain\r\nOrigin: https://attacker.example\r\n");
        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.body().contains("cross-site"), reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aSimpleContentTypeIsRefusedEvenWithoutOrigin(String type) {
        RawHttp.Reply reply = post("Content-Type: " + type + "\r\n");
        assertEquals(415, reply.status(), reply.body());
        assertTrue(reply.body().contains("application/json"), reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "http://127.0.0.1.attacker.example", "http://localhost.attacker.example:8080", "file://"})
    void anOriginThatIsNotThisMachineIsRefused(String origin) {
        assertEquals(403, post("Content-Type: application/json\r\nOrigin: " + origin + "\r\n").status());
    }

    @Test
    void aRequestAddressedToAnotherNameIsRefused() {
        String request = "PUT /admin/faults/store HTTP/1.1\r\nHost: rebound.attacker.example:8080\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"down\": true}";
        RawHttp.Reply reply = RawHttp.exchange(service.port(), request);
        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.body().contains("rebound.attacker.example"), reply.body());
    }

    @Test
    void theLoopbackOriginWithJsonIsServed() {
        RawHttp.Reply reply = RawHttp.exchange(service.port(), RawHttp.request("DELETE", "/admin/faults",
                "Origin: http://127.0.0.1:" + service.port() + "\r\n", null));
        assertEquals(200, reply.status(), reply.body());
        RawHttp.Reply stall = RawHttp.exchange(service.port(), RawHttp.request("POST", "/admin/stall",
                "Content-Type: application/json; charset=utf-8\r\nOrigin: http://localhost:" + service.port() + "\r\n",
                "{\"duration_ms\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, stall.status(), stall.body());
        service.stall().clear();
    }
}
