package loadlab.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes {@code writes.jsonl}: the client's own history of every write it attempted, one JSON
 * object per line in the order the operations happened, as Jepsen keeps a history: an
 * {@code invoke} when the request is sent, then exactly one completion, {@code ok} (the target
 * acknowledged it, with the id it answered), {@code fail} (it certainly did not happen: a 4xx, or
 * never sent) or {@code info} (the outcome is unknown: a timeout, a dropped connection, a 5xx).
 * A check after the run reads the target back for what was acknowledged, so a target that lost
 * writes in a crash is caught even when the process that answers the check is a new one that never
 * saw them.
 *
 * <p>Each operation is numbered by {@link #invoke} (its {@code value}, also its {@code process}:
 * one operation per logical client, so a history reader never sees two outstanding operations of
 * one process). Lines are buffered and reach the file at each {@link #flush()} (the interval log's
 * second) and at {@link #close()}; the file is opened on the first write, so a run without writes
 * has none. Safe for many threads.
 */
public final class WriteLog implements AutoCloseable {
    public static final String FILE = "writes.jsonl";

    private final Path file;
    private final long originNanos = System.nanoTime();
    private final AtomicLong values = new AtomicLong();
    private final StringBuilder line = new StringBuilder(256);
    private char[] chars = new char[256];
    private Writer out;
    private long index;
    private String problem;
    private boolean closed;

    public WriteLog(Path runDir) {
        this.file = runDir.resolve(FILE);
    }

    /**
     * The attempt of write {@code f} about to be sent: returns its number, for its completion. A
     * write whose id the client chose ({@code knownId}, with the path that reads it back) can be
     * looked for even when its outcome stays unknown.
     */
    public long invoke(String f, String method, String path, String knownId, String verify) {
        return invoke(f, method, path, knownId, verify, null);
    }

    /**
     * As {@link #invoke(String, String, String, String, String)}, with {@code expect}: text this
     * write put in the target that its read-back must show, so that an id which now holds another
     * write (a lost write whose id was given out again after a crash) is not taken for this one.
     */
    public long invoke(String f, String method, String path, String knownId, String verify, String expect) {
        long value = values.incrementAndGet();
        synchronized (this) {
            begin("invoke", f, value);
            if (method != null) field("request", method + " " + path);
            if (knownId != null) field("id", knownId);
            if (verify != null) field("verify", verify);
            if (expect != null) field("expect", expect);
            end();
        }
        return value;
    }

    /**
     * The target acknowledged write {@code value}; {@code id} names it, {@code verify} is the path
     * that reads it back; both null (and {@code why} saying so) when the answer did not name it.
     */
    public synchronized void ok(long value, String f, String id, int status, String verify, String why) {
        complete("ok", value, f, id, status, verify, why);
    }

    /** Write {@code value} certainly did not happen: refused with a 4xx, or never sent. */
    public synchronized void fail(long value, String f, String knownId, int status, String verify, String why) {
        complete("fail", value, f, knownId, status, verify, why);
    }

    /** Write {@code value} may or may not have happened: a timeout, a broken connection, a 5xx, an answer without its id. */
    public synchronized void info(long value, String f, String knownId, int status, String verify, String why) {
        complete("info", value, f, knownId, status, verify, why);
    }

    private void complete(String type, long value, String f, String id, int status, String verify, String why) {
        begin(type, f, value);
        if (id != null) field("id", id);
        if (status > 0) line.append(",\"status\":").append(status);
        if (verify != null) field("verify", verify);
        if (why != null) field("error", why);
        end();
    }

    private void begin(String type, String f, long value) {
        line.setLength(0);
        line.append("{\"index\":").append(index++).append(",\"type\":\"").append(type).append('"');
        field("f", f);
        line.append(",\"value\":").append(value).append(",\"process\":").append(value)
                .append(",\"time\":").append(System.nanoTime() - originNanos);
    }

    private void field(String name, String text) {
        line.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) line.append(String.format("\\u%04x", (int) c));
                    else line.append(c);
                }
            }
        }
        line.append('"');
    }

    private void end() {
        line.append("}\n");
        if (closed || problem != null) return;
        try {
            if (out == null) out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            if (chars.length < line.length()) chars = new char[line.length() * 2];
            line.getChars(0, line.length(), chars, 0); // no String per line
            out.write(chars, 0, line.length());
        } catch (IOException e) {
            problem = "cannot write " + file + ": " + e.getMessage();
        }
    }

    /** Puts what is buffered into the file; null, or why the history could not be written. */
    public synchronized String flush() {
        if (out != null && problem == null) {
            try {
                out.flush();
            } catch (IOException e) {
                problem = "cannot write " + file + ": " + e.getMessage();
            }
        }
        return problem;
    }

    /** How many writes were attempted. */
    public long attempted() {
        return values.get();
    }

    @Override
    public synchronized void close() {
        flush();
        closed = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                if (problem == null) problem = "cannot write " + file + ": " + e.getMessage();
            }
        }
    }
}
