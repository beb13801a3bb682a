package loadlab.scenarios.faults;

import java.time.Duration;
import java.util.Set;

/**
 * How {@code block} and {@code stall} faults become actions: a service's own admin API, which the
 * command line supplies (the engines know no particular service). Without one, a schedule may hold
 * only {@code exec} and {@code http} faults.
 */
public interface AdminFaults {
    /** The blocks that can be faulted, e.g. store, cache, index, stream. */
    Set<String> blocks();

    /**
     * @param down               take the block down
     * @param latency            added latency, or null
     * @param latencyProbability share of calls that get the latency
     * @param errorProbability   share of calls that fail
     */
    FaultAction blockStart(String block, boolean down, Duration latency, double latencyProbability, double errorProbability);

    FaultAction blockStop(String block);

    FaultAction stall(Duration length);

    /** Clears every fault at once: what an interrupted run does on its way out. */
    FaultAction clearAll();
}
