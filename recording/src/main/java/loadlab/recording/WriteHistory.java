package loadlab.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code writes.jsonl} read back ({@link WriteLog} writes it): each write the client attempted with
 * its outcome. A final line cut short by a killed injector is dropped (the operation it began stays
 * open, an unknown outcome); any other line that is not a history operation makes the file damaged.
 */
public record WriteHistory(List<Op> ops, List<Write> writes) {

    /** One line of the history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Op(long index, String type, String f, long value, long process, long time, String request, String id, Integer status,
                     String verify, String expect, String error) {}

    /** How a write ended, as the client saw it. */
    public enum Outcome {
        /** acknowledged */
        OK,
        /** certainly not applied */
        FAIL,
        /** may or may not have been applied (also: still open when the history ended) */
        INFO;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One attempted write folded from its invoke and its completion.
     *
     * @param id     what names it at the target (answered, or known before sending); null when unknown
     * @param verify the path that reads it back; null when there is no way to
     * @param expect text its read-back must show to be this write; null when any answer will do
     */
    public record Write(long value, String f, String request, Outcome outcome, String id, String verify, String expect, long invokedNanos,
                        long completedNanos) {}

    /** The history in {@code runDir}, or null when the run attempted no writes. */
    public static WriteHistory read(Path runDir) {
        Path file = runDir.resolve(WriteLog.FILE);
        if (!Files.exists(file)) return null;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DamagedRunException.of(file, "cannot be read: " + e.getMessage());
        }
        List<Op> ops = new ArrayList<>();
        Map<Long, Op> invoked = new LinkedHashMap<>();
        Map<Long, Write> writes = new LinkedHashMap<>();
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            lineNo++;
            if (nl < 0) break; // cut short by a kill: that operation stays open
            String line = text.substring(start, nl);
            start = nl + 1;
            Op op;
            try {
                op = RunFiles.JSON.readValue(line, Op.class);
            } catch (IOException e) {
                throw DamagedRunException.of(file, "line " + lineNo + " is not a history operation");
            }
            if (op == null || op.type() == null || op.f() == null) throw DamagedRunException.of(file, "line " + lineNo + " lacks its type or f");
            ops.add(op);
            switch (op.type()) {
                case "invoke" -> {
                    if (invoked.putIfAbsent(op.value(), op) != null) throw DamagedRunException.of(file, "line " + lineNo + " invokes write "
                            + op.value() + " a second time");
                }
                case "ok", "fail", "info" -> {
                    Op began = invoked.get(op.value());
                    if (began == null || writes.containsKey(op.value())) {
                        throw DamagedRunException.of(file, "line " + lineNo + " completes write " + op.value() + ", which is not open");
                    }
                    Outcome outcome = Outcome.valueOf(op.type().toUpperCase(Locale.ROOT));
                    String id = op.id() != null ? op.id() : began.id();
                    String verify = op.verify() != null ? op.verify() : began.verify();
                    writes.put(op.value(), new Write(op.value(), op.f(), began.request(), outcome, id, verify, began.expect(), began.time(), op.time()));
                }
                default -> throw DamagedRunException.of(file, "line " + lineNo + " has type '" + op.type() + "', not invoke, ok, fail or info");
            }
        }
        List<Write> all = new ArrayList<>();
        for (Op began : invoked.values()) {
            Write w = writes.get(began.value());
            all.add(w != null ? w : new Write(began.value(), began.f(), began.request(), Outcome.INFO, began.id(), began.verify(), began.expect(), began.time(), -1));
        }
        return new WriteHistory(List.copyOf(ops), List.copyOf(all));
    }

    /** How many writes ended with {@code outcome}. */
    public long count(Outcome outcome) {
        return writes.stream().filter(w -> w.outcome() == outcome).count();
    }
}
