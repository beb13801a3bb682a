/**
 * loadlab's own request engine, for open-model request workloads: every arrival at its intended
 * time in nanoseconds on Netty's event-loop timers, keep-alive connection pools per event loop,
 * and the time an arrival waits for a free connection counted in its response time and reported
 * as blocked. Gatling stays the engine for multi-step journeys.
 */
package loadlab.scenarios.engine;
