package loadlab.service;

/**
 * The one sentence a failure gives a person: the innermost cause's message (a driver's or a
 * socket's), which says what actually went wrong, or its type when it has none.
 */
public final class RootCause {
    private RootCause() {}

    public static String message(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
