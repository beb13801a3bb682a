/**
 * Gatling Java DSL simulations (what one arriving user does) run under loadlab's load profiles
 * (how many arrive), kept apart so any scenario runs under any profile. Each request is timed by
 * loadlab itself ({@link loadlab.scenarios.Timing}) and handed to {@code loadlab.recording},
 * because Gatling keeps whole milliseconds and no intended start time. Scenarios take the target's
 * URL; only {@code timeline} speaks the reference service's API, as any client of it would.
 */
package loadlab.scenarios;
