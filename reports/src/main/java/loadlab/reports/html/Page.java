package loadlab.reports.html;

import java.util.List;

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

    /** One bench subject: its chart (drawn by script from data group {@code index}) and its table. */
    public record BenchGroup(int index, String subject, int height, Table table) {}
}
