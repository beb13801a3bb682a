package loadlab.service.fault;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The faults in force, per building block, and how they strike. Randomness and waiting are injected
 * so a test can make a fault strike for certain and observe a latency without waiting for it.
 */
public final class FaultPlan {
    private final Map<Block, BlockFault> faults = new ConcurrentHashMap<>();
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    public FaultPlan(DoubleSupplier random, Sleeper sleeper) {
        this.random = random;
        this.sleeper = sleeper;
    }

    public void set(Block block, BlockFault fault) {
        faults.put(block, fault);
    }

    public void clear(Block block) {
        faults.remove(block);
    }

    public void clearAll() {
        faults.clear();
    }

    public Map<Block, BlockFault> snapshot() {
        return faults.isEmpty() ? Map.of() : new EnumMap<>(faults);
    }

    public boolean isDown(Block block) {
        BlockFault f = faults.get(block);
        return f != null && f.down();
    }

    /** Called before every operation of {@code block}: waits or throws as the fault in force says. */
    public void strike(Block block, String operation) {
        BlockFault f = faults.get(block);
        if (f == null) return;
        if (f.down()) throw new BlockUnavailableException(block, "down (injected fault)");
        if (f.latencyProbability() > 0 && random.getAsDouble() < f.latencyProbability()) {
            try {
                sleeper.sleep(f.latency());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlockUnavailableException(block, "interrupted during injected latency");
            }
        }
        if (f.errorProbability() > 0 && random.getAsDouble() < f.errorProbability()) {
            throw new BlockUnavailableException(block, operation + " failed (injected fault)");
        }
    }
}
