package loadlab.service.timeline;

import java.util.Locale;

/**
 * How home timelines are built, the seed's central scalability trade-off (chosen at start).
 */
public enum TimelineStrategy {
    /** Merge the followees' posts from the system of record at read time; writes are cheap. */
    FANOUT_ON_READ("read"),
    /** Push each post into every follower's cached timeline; reads are a cache lookup. */
    FANOUT_ON_WRITE("write"),
    /** Fan out on write except for accounts above a follower threshold, whose posts are merged at read time. */
    HYBRID("hybrid");

    private final String id;

    TimelineStrategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean usesTimelineCache() {
        return this != FANOUT_ON_READ;
    }

    public static TimelineStrategy parse(String text) {
        for (TimelineStrategy s : values()) {
            if (s.id.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text.replace('-', '_'))) return s;
        }
        throw new IllegalArgumentException("unknown timeline strategy '" + text + "'; use read, write or hybrid");
    }

    @Override
    public String toString() {
        return id;
    }
}
