package loadlab.service;

import loadlab.service.cache.TimelineCache;
import loadlab.service.search.SearchIndex;
import loadlab.service.store.RecordStore;
import loadlab.service.stream.EventStream;

/** The four building blocks the application code stitches together, as the service sees them. */
public record Blocks(RecordStore store, TimelineCache cache, SearchIndex index, EventStream stream) implements AutoCloseable {

    @Override
    public void close() {
        closeQuietly(stream);
        closeQuietly(index);
        closeQuietly(cache);
        closeQuietly(store);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do with a failure to close
        }
    }
}
