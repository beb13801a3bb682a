package loadlab.service.model;

/** An account. Ids are positive and assigned by the system of record. */
public record User(long id, String name) {
    public User {
        if (id <= 0) throw new IllegalArgumentException("user id must be positive: " + id);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("user name must not be blank");
    }
}
