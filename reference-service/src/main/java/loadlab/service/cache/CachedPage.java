package loadlab.service.cache;

import java.util.List;

import loadlab.service.model.TimelineEntry;

/**
 * A page read from a cached timeline.
 *
 * @param entries newest first
 * @param full    the cached timeline holds a whole window, so entries older than it may have been
 *                trimmed: a short page from a full timeline is not the end of the timeline
 */
public record CachedPage(List<TimelineEntry> entries, boolean full) {
    public CachedPage {
        entries = List.copyOf(entries);
    }
}
