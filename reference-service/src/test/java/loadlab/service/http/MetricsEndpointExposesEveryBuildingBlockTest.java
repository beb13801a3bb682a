package loadlab.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import loadlab.service.ReferenceService;
import loadlab.service.support.EmbeddedService;
import loadlab.service.support.HttpCall;

class MetricsEndpointExposesEveryBuildingBlockTest {
    @Test
    void aScrapeHoldsHttpTimersBlockTimersFanOutCacheAndJvmMetrics() {
        try (ReferenceService service = EmbeddedService.start()) {
            HttpCall.get(service.uri(), "/users/1/timeline");
            HttpCall.get(service.uri(), "/users/1/timeline");
            HttpCall.send(service.uri(), "POST", "/users/1/posts", "{\"text\":\"measured\"}");
            HttpCall.Reply scrape = HttpCall.get(service.uri(), "/metrics");
            assertEquals(200, scrape.status());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = scrape.body();
            for (String expected : new String[] {
                    "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/users/{id}/timeline\"",
                    "block_operation_seconds_bucket{block=\"store\"",
                    "block_operation_seconds_bucket{block=\"cache\"",
                    "fanout_queue_depth", "index_queue_depth", "fanout_lag_seconds_bucket", "outbox_pending",
                    "timeline_cache_hit_ratio", "timeline_cache_requests_total{result=\"hit\"}",
                    "jvm_gc_", "jvm_memory_used_bytes", "http_server_in_flight", "http_server_shed_total",
                    "http_server_queue_delay_seconds_bucket", "service_degraded 0.0", "stream_consumer_failing{consumer=\"fanout\"} 0.0",
                    "derived_data_repairs_total 0.0"}) {
                assertTrue(text.contains(expected), "the scrape should contain " + expected);
            }
        }
    }
}
