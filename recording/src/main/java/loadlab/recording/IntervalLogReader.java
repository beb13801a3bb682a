package loadlab.recording;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * One interval of one request name, with absolute times: the successes of {@code name} when
     * {@code cause} is null, else its failures of that cause. The lag log's entries have the name "".
     */
    public record Entry(String name, ErrorCause cause, long startMillis, long endMillis, Histogram histogram) {
        public boolean failed() {
            return cause != null;
        }

        /**
         * The slot of {@code widthSeconds} on the measured timeline (counted from {@code originMillis})
         * this interval belongs to: the one its middle falls in. The injector cuts its intervals on that
         * timeline's whole seconds, but its clocks agree with the manifest's zero only to a millisecond,
         * so the edges are not to be trusted; and an older log cut elsewhere lands where most of it lies.
         */
        public long slot(long originMillis, long widthSeconds) {
            return Math.floorDiv(startMillis + (endMillis - startMillis) / 2 - originMillis, widthSeconds * 1000);
        }
    }

    /** What reading a whole log found besides its intervals. */
    public record Outcome(long intervals, boolean cutTail) {}

    /** A log that is missing or unreadable. */
    public static final class CorruptLogException extends DamagedRunException {
        public CorruptLogException(Path file, String why, Throwable cause) {
            super(file, file + " is not a readable HdrHistogram interval log (" + why + ")", cause);
        }
    }

    /**
     * Hands each interval to {@code sink} as it is decoded and keeps none, so a log of any length is
     * read in constant memory (a decoded interval of the loadlab shape is about 190 KB).
     */
    public static Outcome forEach(Path file, Consumer<Entry> sink) {
        if (!Files.isRegularFile(file)) throw new CorruptLogException(file, "missing", null);
        HistogramLogReader reader;
        boolean[] cut = {false};
        try {
            checkHeader(file);
            reader = new HistogramLogReader(completeLines(file, cut));
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new CorruptLogException(file, "missing", e);
        } catch (IOException e) {
            throw new CorruptLogException(file, "it cannot be read: " + e.getMessage(), e);
        }
        long n = 0;
        try (reader) {
            EncodableHistogram next;
            while ((next = nextOf(reader, file)) != null) {
                if (!(next instanceof Histogram h)) throw new CorruptLogException(file, "holds a non-integer histogram", null);
                String tag = h.getTag() == null ? "" : h.getTag();
                ErrorCause cause;
                String name;
                try {
                    cause = RequestName.isErrorTag(tag) ? RequestName.causeOf(tag) : null;
                    name = cause == null ? tag : RequestName.requestOf(tag);
                } catch (IllegalArgumentException e) {
                    throw new CorruptLogException(file, "its tag '" + tag + "' names no known error cause", e);
                }
                n++;
                sink.accept(new Entry(name, cause, h.getStartTimeStamp(), h.getEndTimeStamp(), h));
            }
        }
        return new Outcome(n, cut[0]);
    }

    /**
     * An interval log begins with HdrHistogram's header (comments and the column legend); an empty
     * file, or one that holds something else, is damaged, not a run in which nothing happened.
     */
    private static void checkHeader(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < 16 && (line = in.readLine()) != null; i++) {
                if (line.startsWith("\"StartTimestamp\"")) return;
                if (!line.startsWith("#")) break;
            }
        } catch (MalformedInputException e) {
            // binary content: reported below
        }
        throw new CorruptLogException(file, Files.size(file) == 0 ? "it is empty" : "it has no HdrHistogram log header", null);
    }

    /**
     * The file up to its last newline. A writer killed in the middle of an interval leaves half a
     * line at the end; everything before it was flushed whole and is kept.
     */
    private static InputStream completeLines(Path file, boolean[] cut) throws IOException {
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
            cut[0] = complete != length;
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

}
