package loadlab.service.timeline;

/** A request named a user the system of record does not have. */
public final class UnknownUserException extends RuntimeException {
    private final long user;

    public UnknownUserException(long user) {
        super("no user with id " + user);
        this.user = user;
    }

    public long user() {
        return user;
    }
}
