package loadlab.recording;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    public static List<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) throw new CorruptLogException(file, "missing", null);
        List<Entry> entries = new ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram h)) throw new CorruptLogException(file, "holds a non-integer histogram", null);
                String tag = h.getTag() == null ? "" : h.getTag();
                entries.add(new Entry(tag, h.getStartTimeStamp(), h.getEndTimeStamp(), h));
            }
            return entries;
        } catch (CorruptLogException e) {
            throw e;
        } catch (FileNotFoundException e) {
            throw new CorruptLogException(file, "missing", e);
        } catch (RuntimeException e) {
            throw new CorruptLogException(file, "its histogram data is damaged", e);
        }
    }

    /** Every interval of each tag added up, by tag ("" for untagged). */
    public static Map<String, Histogram> totals(Path file) {
        Map<String, Histogram> totals = new TreeMap<>();
        for (Entry e : read(file)) totals.computeIfAbsent(e.tag(), t -> Histograms.empty()).add(e.histogram());
        return totals;
    }
}
