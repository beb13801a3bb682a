package loadlab.recording;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads interval logs back with HdrHistogram's own {@link HistogramLogReader}. A log it cannot read
 * is reported as a {@link CorruptLogException} naming the file, never as a stack trace.
 */
public final class IntervalLogReader {
    private IntervalLogReader() {}

    /** One interval of one tag, with absolute times. */
    public record Entry(String tag, long startMillis, long endMillis, Histogram histogram) {}

    /** A log that is missing or unreadable. */
    public static final class CorruptLogException extends IllegalArgumentException {
        public CorruptLogException(Path file, String why, Throwable cause) {
            super(file + " is not a readable HdrHistogram interval log (" + why + ")", cause);
        }
    }

    /** Every interval of the log, in file order; holds them all, so only for logs known to be short. */
    public static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        forEach(file, entries::add);
        return entries;
    }

    /**
     * Hands each interval to {@code sink} as it is decoded and keeps none, so a log of any length is
     * read in constant memory (a decoded interval of the loadlab shape is about 190 KB).
     */
    public static void forEach(Path file, Consumer<Entry> sink) {
        if (!Files.isRegularFile(file)) throw new CorruptLogException(file, "missing", null);
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(completeLines(file));
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new CorruptLogException(file, "missing", e);
        } catch (IOException e) {
            throw new CorruptLogException(file, "it cannot be read: " + e.getMessage(), e);
        }
        try (reader) {
            EncodableHistogram next;
            while ((next = nextOf(reader, file)) != null) {
                if (!(next instanceof Histogram h)) throw new CorruptLogException(file, "holds a non-integer histogram", null);
                String tag = h.getTag() == null ? "" : h.getTag();
                sink.accept(new Entry(tag, h.getStartTimeStamp(), h.getEndTimeStamp(), h));
            }
        }
    }

    /**
     * The file up to its last newline. A writer killed in the middle of an interval leaves half a
     * line at the end; everything before it was flushed whole and is kept.
     */
    private static InputStream completeLines(Path file) throws IOException {
        long length;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            length = ch.size();
            ByteBuffer b = ByteBuffer.allocate(4096);
            long end = length;
            long complete = -1;
            while (end > 0 && complete < 0) {
                long from = Math.max(0, end - b.capacity());
                b.clear().limit((int) (end - from));
                ch.read(b, from);
                for (int i = (int) (end - from) - 1; i >= 0; i--) {
                    if (b.get(i) == '\n') {
                        complete = from + i + 1;
                        break;
                    }
                }
                end = from;
            }
            length = Math.max(0, complete);
        }
        long limit = length;
        return new FilterInputStream(new BufferedInputStream(Files.newInputStream(file))) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int c = super.read();
                if (c >= 0) left--;
                return c;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
    }

    private static EncodableHistogram nextOf(HistogramLogReader reader, Path file) {
        try {
            return reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw new CorruptLogException(file, "its histogram data is damaged", e);
        }
    }

    /** Every interval of each tag added up, by tag ("" for untagged). */
    public static Map<String, Histogram> totals(Path file) {
        Map<String, Histogram> totals = new TreeMap<>();
        forEach(file, e -> totals.computeIfAbsent(e.tag(), t -> Histograms.empty()).add(e.histogram()));
        return totals;
    }
}
