/** Load profiles: open (rates per second, exact arrivals) and closed (fixed concurrency), with a warm-up that is not counted. */
package loadlab.scenarios.profile;
