package loadlab.recording;

/**
 * Request names as interval-log tags. HdrHistogram's log reader splits lines on spaces and commas,
 * so a tag such as {@code GET /timeline} is written but cannot be read back; loadlab names hold
 * neither. An errored request is also logged under {@code name#cause}, so error counts per interval
 * live in the same standard log.
 */
public final class RequestName {
    private static final char ERROR_MARK = '#';

    private RequestName() {}

    /** A name safe as a tag: spaces, commas and '#' become '_'. */
    public static String tag(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a request name must not be blank");
        return name.strip().replaceAll("[\\s,#=]", "_");
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
