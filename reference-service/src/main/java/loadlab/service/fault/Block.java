package loadlab.service.fault;

import java.util.Locale;

/** The building blocks of the service, as the seed lists them; faults are injected per block. */
public enum Block {
    STORE, CACHE, INDEX, STREAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a block name case-insensitively; null when it names no block. */
    public static Block parse(String name) {
        for (Block b : values()) {
            if (b.id().equalsIgnoreCase(name)) return b;
        }
        return null;
    }
}
