package loadlab.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run's write history as Jepsen's set checker reads it, for users who run elle-cli or Jepsen
 * themselves: every write an {@code add} of its number (invoke, then ok, fail or info, in the order
 * they happened), then one final {@code read} whose value is the set of writes found present when
 * they were read back. EDN writes one operation map per line ({@code {:type :ok, :f :add, :value 7,
 * :process 7, :time 12345, :index 3}}); JSON an array of the same objects. elle-cli checks it with
 * {@code --model set}.
 */
public final class JepsenHistory {
    private JepsenHistory() {}

    /** The format a file name asks for. */
    public enum Format {
        EDN, JSON;

        /** By the file's extension; one sentence for any other. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".edn")) return EDN;
            if (name.endsWith(".json")) return JSON;
            throw new IllegalArgumentException("the history file " + file + " must end in .edn or .json, the two formats elle-cli reads");
        }
    }

    private record Op(String type, String f, Object value, long process, long time) {}

    /** Writes the history with its final read of {@code present} to {@code file}. */
    public static void write(Path file, WriteHistory history, Set<Long> present) {
        Format format = Format.of(file);
        List<Op> ops = new ArrayList<>();
        long last = 0;
        for (WriteHistory.Op op : history.ops()) {
            ops.add(new Op(op.type(), "add", op.value(), op.process(), op.time()));
            last = Math.max(last, op.time());
        }
        for (WriteHistory.Write w : history.writes()) {
            if (w.completedNanos() < 0) ops.add(new Op("info", "add", w.value(), w.value(), last)); // still open when the history ended
        }
        long reader = history.writes().stream().mapToLong(WriteHistory.Write::value).max().orElse(0) + 1;
        TreeSet<Long> read = new TreeSet<>(present);
        ops.add(new Op("invoke", "read", null, reader, last + 1));
        ops.add(new Op("ok", "read", read, reader, last + 2));
        StringBuilder out = new StringBuilder();
        if (format == Format.JSON) out.append('[');
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (format == Format.EDN) {
                out.append("{:type :").append(op.type()).append(", :f :").append(op.f()).append(", :value ").append(edn(op.value()))
                        .append(", :process ").append(op.process()).append(", :time ").append(op.time()).append(", :index ").append(i).append("}\n");
            } else {
                out.append(i == 0 ? "" : ",\n").append("{\"type\":\"").append(op.type()).append("\",\"f\":\"").append(op.f()).append("\",\"value\":")
                        .append(json(op.value())).append(",\"process\":").append(op.process()).append(",\"time\":").append(op.time())
                        .append(",\"index\":").append(i).append('}');
            }
        }
        if (format == Format.JSON) out.append("]\n");
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String edn(Object value) {
        if (value == null) return "nil";
        if (value instanceof Set<?> set) return "#{" + String.join(" ", set.stream().map(String::valueOf).toList()) + "}";
        return value.toString();
    }

    private static String json(Object value) {
        if (value == null) return "null";
        if (value instanceof Set<?> set) return "[" + String.join(",", set.stream().map(String::valueOf).toList()) + "]";
        return value.toString();
    }
}
