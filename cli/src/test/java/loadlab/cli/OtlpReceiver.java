package loadlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import loadlab.testkit.LoopbackServers;

/**
 * An OTLP/HTTP metrics receiver for tests, built on the protocol's own generated classes: it keeps
 * every exponential-histogram point it is sent, with the resource's segment, and answers as a
 * collector does. Loopback only.
 */
final class OtlpReceiver implements AutoCloseable {
    /** One pushed point of {@code loadlab.request.duration}. */
    record Point(String segment, String request, long startNanos, long endNanos, long count, long bucketTotal, String temporality) {}

    private final HttpServer server;
    private final List<Point> points = new ArrayList<>();
    private final CountDownLatch pushes;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong arrivals = new AtomicLong();
    private final List<Double> targets = new ArrayList<>();

    OtlpReceiver(int stopAnsweringAfter) throws IOException {
        pushes = new CountDownLatch(stopAnsweringAfter);
        server = LoopbackServers.http(0);
        server.createContext("/v1/metrics", e -> {
            try (e) {
                ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(e.getRequestBody().readAllBytes());
                for (ResourceMetrics rm : request.getResourceMetricsList()) {
                    String segment = attribute(rm.getResource().getAttributesList(), "loadlab.segment");
                    for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                        for (Metric m : sm.getMetricsList()) {
                            if (m.getName().equals("loadlab.arrivals")) m.getSum().getDataPointsList().forEach(p -> arrivals.addAndGet(p.getAsInt()));
                            if (m.getName().equals("loadlab.target.rate")) {
                                synchronized (points) {
                                    m.getGauge().getDataPointsList().forEach(p -> targets.add(p.getAsDouble()));
                                }
                            }
                            if (!m.getName().equals("loadlab.request.duration")) continue;
                            for (ExponentialHistogramDataPoint p : m.getExponentialHistogram().getDataPointsList()) {
                                long buckets = p.getZeroCount() + p.getPositive().getBucketCountsList().stream().mapToLong(Long::longValue).sum();
                                synchronized (points) {
                                    points.add(new Point(segment, attribute(p.getAttributesList(), "loadlab.request"), p.getStartTimeUnixNano(),
                                            p.getTimeUnixNano(), p.getCount(), buckets, m.getExponentialHistogram().getAggregationTemporality().name()));
                                }
                            }
                        }
                    }
                }
                byte[] body = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                e.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                e.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = e.getResponseBody()) {
                        out.write(body);
                    }
                }
                received.incrementAndGet();
                pushes.countDown();
            }
        });
        server.start();
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().getStringValue()).findFirst().orElse(null);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
    }

    /** Waits until the first pushes have arrived. */
    void awaitPushes() throws InterruptedException {
        pushes.await();
    }

    /** Export requests answered. */
    int received() {
        return received.get();
    }

    /** Arrivals pushed, over every push. */
    long arrivals() {
        return arrivals.get();
    }

    /** The target rate of every push that carried one. */
    List<Double> targets() {
        synchronized (points) {
            return List.copyOf(targets);
        }
    }

    List<Point> points() {
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
