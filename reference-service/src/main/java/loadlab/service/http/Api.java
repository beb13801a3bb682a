package loadlab.service.http;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.fault.ProcessStall;
import loadlab.service.timeline.UnknownUserException;

/**
 * Everything between the HTTP server and the handlers: the admin rule, load shedding, the process
 * stall, routing, error mapping and the per-route timer. Every outcome is a JSON response; no
 * exception or stack trace reaches a client.
 */
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private final Router publicRoutes;
    private final Router adminRoutes;
    private final AdmissionGate admission;
    private final ProcessStall stall;
    private final MeterRegistry registry;
    private final Counter shed;

    public Api(Router publicRoutes, Router adminRoutes, AdmissionGate admission, ProcessStall stall, MeterRegistry registry) {
        this.publicRoutes = publicRoutes;
        this.adminRoutes = adminRoutes;
        this.admission = admission;
        this.stall = stall;
        this.registry = registry;
        this.shed = Counter.builder("http.server.shed").description("Requests refused with 503 under overload").register(registry);
        io.micrometer.core.instrument.Gauge.builder("http.server.in.flight", admission, AdmissionGate::inFlight).register(registry);
    }

    public ApiResponse handle(ApiRequest request) {
        String template = "UNMATCHED";
        ApiResponse response;
        boolean admitted = false;
        try {
            if (request.path().equals("/admin") || request.path().startsWith("/admin/")) {
                if (!AdminApi.allows(request.remote())) {
                    throw new ApiException(403, "the admin API answers only on the loopback interface (127.0.0.1 or ::1)");
                }
                Router.Match match = adminRoutes.match(request.method(), request.path());
                template = match.template();
                response = match.handler().handle(request, match.params());
            } else {
                Router.Match match = publicRoutes.match(request.method(), request.path());
                template = match.template();
                boolean exempt = template.equals("/metrics") || template.equals("/health");
                if (!exempt) {
                    admitted = admission.tryEnter(System.nanoTime() - request.receivedNanos());
                    if (!admitted) {
                        shed.increment();
                        template = "SHED";
                        throw new ApiException(503, "the service is overloaded; retry after the Retry-After delay");
                    }
                }
                stall.checkpoint();
                response = match.handler().handle(request, match.params());
            }
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), e.getMessage());
        } catch (UnknownUserException e) {
            response = ApiResponse.error(404, e.getMessage());
        } catch (BlockUnavailableException e) {
            response = ApiResponse.error(503, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = ApiResponse.error(503, "the service is shutting down");
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            response = ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName());
        } finally {
            if (admitted) admission.exit();
        }
        record(request, template, response.status());
        return response;
    }

    private void record(ApiRequest request, String template, int status) {
        Timer.builder("http.server.requests")
                .tag("method", request.method()).tag("uri", template).tag("status", Integer.toString(status))
                .tag("outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofNanos(10_000))
                .maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .register(registry)
                .record(System.nanoTime() - request.receivedNanos(), TimeUnit.NANOSECONDS);
    }
}
