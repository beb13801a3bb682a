package loadlab.recording;

import java.io.FileNotFoundException;
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
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            throw new CorruptLogException(file, "missing", e);
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
