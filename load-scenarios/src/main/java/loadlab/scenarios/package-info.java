/**
 * Gatling Java DSL simulations (what a user does) and load profiles (how many users arrive), kept
 * apart so any scenario runs under any profile. Each request is timed by loadlab itself and handed
 * to {@code loadlab.recording}, because Gatling keeps whole milliseconds and no intended start time.
 * Nothing here knows the reference service: scenarios take the target's URL.
 * The simulations arrive with the load-run issue.
 */
package loadlab.scenarios;
