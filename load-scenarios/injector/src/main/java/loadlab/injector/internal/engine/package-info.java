/**
 * loadlab's own request engine, for open-model request workloads: every arrival at its intended
 * time in nanoseconds on Netty's event-loop timers, keep-alive connection pools per event loop,
 * and the time an arrival waits for a free connection counted in its response time and reported
 * as blocked. Gatling stays the engine for multi-step journeys. Internal to the injector, not an API:
 * what a workload sends is described in {@code loadlab.scenarios.requests}.
 */
package loadlab.injector.internal.engine;
