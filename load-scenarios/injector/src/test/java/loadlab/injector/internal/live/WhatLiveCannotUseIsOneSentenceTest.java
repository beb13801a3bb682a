package loadlab.injector.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code --live} and {@code --live-interval} say in one sentence what they cannot use, before any load. */
class WhatLiveCannotUseIsOneSentenceTest {
    private static String refusal(List<String> texts, Duration interval) {
        return assertThrows(IllegalArgumentException.class, () -> LiveSpec.parse(texts, interval)).getMessage();
    }

    @Test
    void anOtlpUrlMustBeHttpWithAHost() {
        assertTrue(refusal(List.of("otlp=localhost:4318"), null).contains("must be an http:// or https:// URL"));
        assertEquals("http://127.0.0.1:4318/v1/metrics", LiveSpec.parse(List.of("otlp=http://127.0.0.1:4318"), null).otlp());
        assertTrue(refusal(List.of("otlp=http://127.0.0.1:4318", "otlp=http://127.0.0.1:4319"), null).contains("given twice"));
    }

    @Test
    void aPrometheusEndpointNeedsAPort() {
        LiveSpec every = LiveSpec.parse(List.of("prometheus=:9464"), null);
        assertEquals("0.0.0.0", every.prometheusHost());
        assertEquals(9464, every.prometheusPort());
        LiveSpec v6 = LiveSpec.parse(List.of("prometheus=[::1]:9464"), null);
        assertEquals("http://[::1]:9464/metrics", v6.prometheusUrl());
        assertTrue(refusal(List.of("prometheus=9464"), null).contains("is not an address to listen on"));
        assertTrue(refusal(List.of("prometheus=:http"), null).contains("is not an address to listen on"));
        assertTrue(refusal(List.of("prometheus=:70000"), null).contains("the port must be from 1 to 65535"));
        assertTrue(refusal(List.of("prometheus=::1:9464"), null).contains("is not an address to listen on"));
    }

    @Test
    void bothMayBeGivenAndNothingElse() {
        LiveSpec both = LiveSpec.parse(List.of("otlp=http://127.0.0.1:4318/v1/metrics", "prometheus=127.0.0.1:9464"), Duration.ofSeconds(2));
        assertTrue(both.prometheus());
        assertEquals(2000, both.intervalMs());
        assertTrue(refusal(List.of("kafka=x"), null).contains("not understood"));
        assertTrue(refusal(List.of("otlp=http://127.0.0.1:4318"), Duration.ofMillis(1500)).contains("whole seconds"));
    }

    @Test
    void aTakenPortIsRefusedBeforeAnyLoad() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LiveSpec spec = LiveSpec.parse(List.of("prometheus=127.0.0.1:" + taken.getLocalPort()), null);
            String sentence = assertThrows(IllegalArgumentException.class, spec::checkPrometheusPort).getMessage();
            assertTrue(sentence.contains("cannot listen there") && sentence.contains("pick a free port"), sentence);
        }
    }
}
