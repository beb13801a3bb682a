package loadlab.scenarios.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code --start-at}: the instant an injector starts measuring, its warm-up ending then, so that N
 * injectors on N machines running the segments of one profile share one time zero and their run
 * directories add up second by second. Checked before any load: an instant that has passed, or
 * that leaves the injector too little time to start and warm up, would start late and is refused.
 */
public final class StartAt {
    /** What an injector needs from its command line to its first warm-up request: a JVM, an engine, connections. */
    public static final Duration PREPARE = Duration.ofSeconds(5);
    private static final Duration LATEST = Duration.ofDays(1);

    private StartAt() {}

    /** The instant {@code text} names, with its zone ({@code 2026-12-01T14:30:00Z} or {@code ...+01:00}). */
    public static Instant parse(String text, long warmupSeconds, Instant now) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start-at '" + text + "' is not an ISO-8601 time with its zone, e.g. 2026-12-01T14:30:00Z");
        }
        return check(at, warmupSeconds, now);
    }

    /** {@code at} if an injector started {@code now} can start up and warm up by then, and it is within a day. */
    public static Instant check(Instant at, long warmupSeconds, Instant now) {
        Instant earliest = now.plus(PREPARE).plusSeconds(warmupSeconds);
        if (at.isBefore(earliest)) {
            throw new IllegalArgumentException("--start-at " + at + (at.isBefore(now) ? " has passed" : " is too soon") + ": this injector needs "
                    + (PREPARE.toSeconds() + warmupSeconds) + " s to start and warm up (" + warmupSeconds + " s), so pick " + earliest
                    + " or later");
        }
        if (at.isAfter(now.plus(LATEST))) {
            throw new IllegalArgumentException("--start-at " + at + " is more than a day away; is the date right?");
        }
        return at;
    }
}
