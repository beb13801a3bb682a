package loadlab.service.fault;

/**
 * A building block could not do what was asked: its backend is down, refused, or an injected fault
 * said so. The HTTP layer turns it into 503 with Retry-After; workers retry the work later.
 */
public class BlockUnavailableException extends RuntimeException {
    private final Block block;

    public BlockUnavailableException(Block block, String message, Throwable cause) {
        super(block.id() + " unavailable: " + message, cause);
        this.block = block;
    }

    public BlockUnavailableException(Block block, String message) {
        this(block, message, null);
    }

    public Block block() {
        return block;
    }
}
