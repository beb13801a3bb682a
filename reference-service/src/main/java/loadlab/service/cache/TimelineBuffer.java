package loadlab.service.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import loadlab.service.model.TimelineEntry;

/**
 * One user's cached timeline in the embedded cache: post ids and authors in two primitive arrays,
 * oldest first, capped at a window. A deliberate hot path: fan-out on write calls {@link #add} once
 * per follower per post, so appends of the newest post and trims of the oldest are O(1) amortised
 * and no object is allocated per entry.
 */
final class TimelineBuffer {
    private final int capacity;
    final long token;
    private long[] ids;
    private long[] authors;
    private int start;
    private int size;
    private boolean ready;

    TimelineBuffer(int capacity, long token) {
        this.capacity = capacity;
        this.token = token;
        if (capacity < 1) throw new IllegalArgumentException("timeline window must be at least 1");
        int initial = Math.min(2 * capacity, 16);
        this.ids = new long[initial];
        this.authors = new long[initial];
    }

    synchronized boolean ready() {
        return ready;
    }

    synchronized void markReady() {
        ready = true;
    }

    synchronized void add(long id, long author) {
        if (size == capacity && id < ids[start]) return;
        if (start + size == ids.length) makeRoom();
        int pos = Arrays.binarySearch(ids, start, start + size, id);
        if (pos >= 0) return;
        int insert = -pos - 1;
        int shift = start + size - insert;
        if (shift > 0) {
            System.arraycopy(ids, insert, ids, insert + 1, shift);
            System.arraycopy(authors, insert, authors, insert + 1, shift);
        }
        ids[insert] = id;
        authors[insert] = author;
        size++;
        if (size > capacity) {
            start++;
            size--;
        }
    }

    /** Compacts to the front, growing up to twice the window, so trims and appends stay amortised O(1). */
    private void makeRoom() {
        long[] newIds = ids;
        long[] newAuthors = authors;
        if (ids.length < 2 * capacity && size * 2 > ids.length) {
            int length = Math.min(ids.length * 2, 2 * capacity);
            newIds = new long[length];
            newAuthors = new long[length];
        }
        System.arraycopy(ids, start, newIds, 0, size);
        System.arraycopy(authors, start, newAuthors, 0, size);
        ids = newIds;
        authors = newAuthors;
        start = 0;
    }

    /** Newest-first entries with ids below {@code before}. */
    synchronized CachedPage page(long before, int limit) {
        int end = Arrays.binarySearch(ids, start, start + size, before);
        int from = end >= 0 ? end : -end - 1; // exclusive upper index
        List<TimelineEntry> out = new ArrayList<>(Math.min(limit, from - start));
        for (int i = from - 1; i >= start && out.size() < limit; i--) out.add(new TimelineEntry(ids[i], authors[i]));
        return new CachedPage(out, size >= capacity);
    }

    synchronized int size() {
        return size;
    }
}
