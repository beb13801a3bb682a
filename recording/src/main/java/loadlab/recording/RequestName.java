package loadlab.recording;

/**
 * Request names as interval-log tags. HdrHistogram's log reader splits lines on spaces and commas,
 * so a tag such as {@code GET /timeline} is written but cannot be read back; loadlab names hold
 * neither. An errored request is also logged under {@code name#cause}, so error counts per interval
 * live in the same standard log.
 */
public final class RequestName {
    private static final char ERROR_MARK = '#';
    private static final char TIMING_MARK = '/';
    private static final String MALFORMED = ":malformed";
    private static final String FANOUT = ":fanout";

    private RequestName() {}

    /** A name safe as a tag: spaces, commas and '#' become '_'. */
    public static String tag(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a request name must not be blank");
        return name.strip().replaceAll("[\\s,#=]", "_");
    }

    /**
     * The tag of one {@code Server-Timing} entry of a request in {@code server-timing.hlog}:
     * {@code request/entry}. An entry name is a token, which holds no '/', so the last '/' splits it.
     */
    public static String timingTag(String tag, String entry) {
        return tag + TIMING_MARK + entry;
    }

    /** The tag under which a request's malformed {@code Server-Timing} headers are counted (':' is in no token). */
    public static String malformedTimingTag(String tag) {
        return tag + TIMING_MARK + MALFORMED;
    }

    /** The tag under which the fan-out a request's {@code fanout;desc=N} entry declared is kept (the value is N, not a time). */
    public static String fanoutTag(String tag) {
        return tag + TIMING_MARK + FANOUT;
    }

    /** Whether {@code entry} (from {@link #timingEntryOf}) holds declared fan-outs rather than a metric's durations. */
    public static boolean isFanout(String entry) {
        return FANOUT.equals(entry);
    }

    public static String timingRequestOf(String timingTag) {
        return timingTag.substring(0, timingTag.lastIndexOf(TIMING_MARK));
    }

    public static String timingEntryOf(String timingTag) {
        return timingTag.substring(timingTag.lastIndexOf(TIMING_MARK) + 1);
    }

    /** Whether {@code entry} (from {@link #timingEntryOf}) stands for malformed headers rather than a metric. */
    public static boolean isMalformedTiming(String entry) {
        return MALFORMED.equals(entry);
    }

    public static String errorTag(String tag, ErrorCause cause) {
        return tag + ERROR_MARK + cause.id();
    }

    public static boolean isErrorTag(String tag) {
        return tag.indexOf(ERROR_MARK) >= 0;
    }

    public static String requestOf(String errorTag) {
        return errorTag.substring(0, errorTag.indexOf(ERROR_MARK));
    }

    public static ErrorCause causeOf(String errorTag) {
        return ErrorCause.parse(errorTag.substring(errorTag.indexOf(ERROR_MARK) + 1));
    }
}
