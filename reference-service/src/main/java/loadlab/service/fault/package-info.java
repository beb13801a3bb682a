/**
 * Fault injection: latency, errors or an outage in one building block, or a stall of the whole
 * process, so reliability scenarios can check that faults do not become failures.
 */
package loadlab.service.fault;
