package loadlab.scenarios;

import loadlab.scenarios.requests.WriteSpec;

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

    /**
     * A request that writes, timed and recorded as {@link #request} and also kept in the run's write
     * history ({@code writes.jsonl}), read back from the target after the run. With
     * {@link WriteSpec#chosen}, set the id in the session attribute {@link #WRITE_ID} before this step.
     */
    ChainBuilder write(String name, HttpRequestActionBuilder request, WriteSpec write);

    /** The session attribute holding the id of a write whose id the journey chose. */
    String WRITE_ID = "loadlab.write.id";

    /** The session attribute holding what a write put in the target, {@code ${value}} in {@link WriteSpec#expecting}. */
    String WRITE_VALUE = "loadlab.write.value";
}
