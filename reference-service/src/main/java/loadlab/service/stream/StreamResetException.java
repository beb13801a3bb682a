package loadlab.service.stream;

/**
 * The stream came back without this consumer group (a Redis restarted empty, or flushed): the
 * group has been created again and reading goes on, but whatever the stream held before is gone,
 * so the consumer must repair its derived data from the system of record. {@code generation}
 * counts resets, so several consumers that notice the same reset repair once.
 */
public final class StreamResetException extends RuntimeException {
    private final long generation;

    public StreamResetException(long generation, String message) {
        super(message);
        this.generation = generation;
    }

    public long generation() {
        return generation;
    }
}
