package loadlab.scenarios;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Where a journey's arrivals and requests are timed and recorded: each user's first step is
 * {@link #arrive()}, and every request goes through {@link #request}. The injector's implementation
 * times in nanoseconds from each user's intended start, so no request goes unrecorded and none is
 * timed from when Gatling happened to send it.
 */
public interface Timing {
    /** The first step of every user: looks up its intended start and records how late it began. */
    ChainBuilder arrive();

    /** The request, timed and recorded under {@code name} (response time from the intended start, service time from the send). */
    ChainBuilder request(String name, HttpRequestActionBuilder request);
}
