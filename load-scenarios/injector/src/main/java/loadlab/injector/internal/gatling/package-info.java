/**
 * Internal to the injector, not an API: the bridge that runs what users write in
 * {@code loadlab.scenarios} on Gatling (the run context and timing a journey reads, the injection
 * steps, checks counted by name). Users write journeys against the api module; this package may
 * change in any release.
 */
package loadlab.injector.internal.gatling;
