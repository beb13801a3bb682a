package loadlab.service.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.timing.ServerTiming;
import loadlab.service.fault.ProcessStall;
import loadlab.service.timeline.UnknownUserException;

/**
 * Everything between the HTTP server and the handlers: the lanes, the admin rule, load shedding,
 * the process stall, routing (HEAD is GET without the body), error mapping and the per-route timer. Every outcome is a JSON response; no
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
    private final Timer queueDelay;

    public Api(Router publicRoutes, Router adminRoutes, AdmissionGate admission, ProcessStall stall, MeterRegistry registry) {
        this.publicRoutes = publicRoutes;
        this.adminRoutes = adminRoutes;
        this.admission = admission;
        this.stall = stall;
        this.registry = registry;
        this.shed = Counter.builder("http.server.shed").description("Requests refused with 503 under overload").register(registry);
        this.queueDelay = Timer.builder("http.server.queue.delay").description("Time a served request waited for a worker after its last byte arrived")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("http.server.in.flight", admission, AdmissionGate::inFlight)
                .description("Requests admitted and not yet answered: queued for a worker or being served").register(registry);
    }

    /** Which lane serves {@code path}. */
    public Lane lane(String path) {
        return Lane.of(path);
    }

    /** Takes a place in the queue for a {@link Lane#WORK} request; false means shed it with {@link #overloaded}. */
    public boolean admit() {
        return admission.tryEnter();
    }

    /** Requests admitted and not yet answered. */
    public int inFlight() {
        return admission.inFlight();
    }

    /** Gives back the place an admitted request held. */
    public void release() {
        admission.exit();
    }

    /** The 503 for a request refused on arrival or after waiting too long, counted and timed. */
    public ApiResponse overloaded(ApiRequest request) {
        shed.increment();
        ApiResponse response = ApiResponse.error(503, "the service is overloaded; retry after the Retry-After delay");
        record(request, "SHED", response.status());
        return response;
    }

    /**
     * Serves a request whose body has arrived. A {@link Lane#WORK} request must have been admitted;
     * if it waited longer than the queue limit since it became ready, it is shed here instead.
     */
    public ApiResponse handle(ApiRequest request) {
        String template = "UNMATCHED";
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        ApiResponse response;
        ServerTiming timing = ServerTiming.begin();
        try {
            Lane lane = lane(request.path());
            if (lane == Lane.ADMIN) {
                AdminApi.checkCaller(request);
                Router.Match match = adminRoutes.match(method, request.path());
                template = match.template();
                response = match.handler().handle(request, match.params());
            } else {
                if (lane == Lane.WORK) {
                    long now = System.nanoTime();
                    if (admission.waitedTooLong(request.readyNanos(), now)) {
                        timing.end();
                        return overloaded(request);
                    }
                    queueDelay.record(now - request.readyNanos(), TimeUnit.NANOSECONDS);
                }
                Router.Match match = publicRoutes.match(method, request.path());
                template = match.template();
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
        }
        String timings = timing.end();
        record(request, template, response.status());
        return timings == null ? response : response.withHeader(ServerTiming.HEADER, timings);
    }

    private void record(ApiRequest request, String template, int status) {
        Timer.builder("http.server.requests")
                .tag("method", request.method()).tag("uri", template).tag("status", Integer.toString(status))
                .tag("outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(System.nanoTime() - request.receivedNanos(), TimeUnit.NANOSECONDS);
    }
}
