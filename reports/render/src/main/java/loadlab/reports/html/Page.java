package loadlab.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a report page that are written as HTML (so they read without script and can be
 * checked by tests): banners, headline cards, tables, notes. Charts are drawn by the page's script
 * from the JSON data block.
 */
public final class Page {
    private Page() {}

    /** A loud line at the top: {@code css} is "bad" (red, e.g. an invalid run) or "warn". */
    public record Banner(String css, String head, String text) {}

    /** A headline figure; {@code css} is "", "bad" or "good". */
    public record Card(String label, String value, String note, String css) {}

    public record Table(String id, String title, String note, List<String> head, List<Row> rows) {}

    public record Row(List<Cell> cells) {
        public static Row of(Cell... cells) {
            return new Row(List.of(cells));
        }
    }

    /** A table cell; {@code css} is "", "num", "key", "code", "bad", "worse", "better" or "same". */
    public record Cell(String text, String css) {
        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, "");
        }

        public static Cell num(String text) {
            return new Cell(text, "num");
        }

        public static Cell key(String text) {
            return new Cell(text, "key");
        }

        public static Cell code(String text) {
            return new Cell(text == null ? "" : text, "code");
        }
    }

    /**
     * The context table: one row per key, one column per run ("value" for one run, A and B for two).
     * Each run puts its values in the same order; a key only one run has leaves the other's cell empty.
     */
    public static final class ContextTable {
        private final int runs;
        private final Map<String, List<String>> rows = new LinkedHashMap<>();

        public ContextTable(int runs) {
            this.runs = runs;
        }

        public void put(String key, String value) {
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(value == null ? "" : value);
        }

        public Table table(String note) {
            List<String> head = new ArrayList<>();
            head.add("");
            if (runs == 1) head.add("value");
            else for (int i = 0; i < runs; i++) head.add(String.valueOf((char) ('A' + i)));
            List<Row> out = new ArrayList<>();
            rows.forEach((k, values) -> {
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.key(k));
                values.forEach(v -> cells.add(Cell.code(v)));
                while (cells.size() < head.size()) cells.add(Cell.text(""));
                out.add(new Row(cells));
            });
            return new Table("context", "Context", note, head, out);
        }
    }

    /** One bench subject: its chart (drawn by script from data group {@code index}) and its table. */
    public record BenchGroup(int index, String subject, int height, Table table) {}
}
