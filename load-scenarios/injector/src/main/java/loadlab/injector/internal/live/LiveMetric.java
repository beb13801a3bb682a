package loadlab.injector.internal.live;

import loadlab.recording.ErrorCause;
import loadlab.recording.RequestName;

/**
 * The metrics live output gives, one name, unit and meaning each, whichever way they leave (OTLP
 * or a Prometheus scrape), so a dashboard reads the same series from both.
 */
enum LiveMetric {
    DURATION("loadlab.request.duration", "s", "Response time of successful requests, from the intended start"),
    ERRORS("loadlab.request.errors", "{request}", "Failed requests by cause"),
    START_LAG("loadlab.start_lag", "s", "How late each request started against the schedule"),
    BLOCKED("loadlab.blocked", "s", "How long requests waited for a free connection"),
    ARRIVALS("loadlab.arrivals", "{arrival}", "Arrivals started: schedule slots or users"),
    TARGET_RATE("loadlab.target.rate", "{arrival}/s", "Arrivals per second the schedule asks for");

    /** The attribute (label) naming the request. */
    static final String REQUEST = "loadlab.request";
    /** The attribute (label) naming a failure's cause. */
    static final String CAUSE = "loadlab.error.cause";

    /** A failure's cause as live output labels it, from the interval logs' error tag. */
    static String causeOf(String errorTag) {
        ErrorCause cause = RequestName.causeOf(errorTag);
        return cause == null ? "unknown" : cause.id();
    }

    final String id;
    final String unit;
    final String description;

    LiveMetric(String id, String unit, String description) {
        this.id = id;
        this.unit = unit;
        this.description = description;
    }
}
