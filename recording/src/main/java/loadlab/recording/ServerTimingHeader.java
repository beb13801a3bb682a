package loadlab.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a W3C {@code Server-Timing} response header: comma-separated metrics, each a token name
 * with optional {@code ;dur=} (milliseconds) and {@code ;desc=} (token or quoted string) parameters,
 * e.g. {@code store;dur=0.41, cache;dur=0.03, fanout;desc=16}. Parameters it does not know are
 * skipped, as the specification says; a header that does not follow the grammar is refused whole
 * (null), so a target's typo is counted as malformed and never read as figures.
 */
public final class ServerTimingHeader {
    /** The header's name. */
    public static final String NAME = "Server-Timing";
    /** The entry that declares how many calls a request made in parallel: {@code fanout;desc=16}. */
    public static final String FANOUT = "fanout";

    /** One metric: {@code durMs} is NaN when the entry has no duration. */
    public record Entry(String name, double durMs, String desc) {}

    private ServerTimingHeader() {}

    /** The entries in order, or null when the header is malformed. */
    public static List<Entry> parse(String header) {
        List<Entry> out = new ArrayList<>(4);
        Cursor c = new Cursor(header);
        c.spaces();
        if (c.end()) return out;
        while (true) {
            String name = c.token();
            if (name == null) return null;
            double dur = Double.NaN;
            String desc = null;
            c.spaces();
            while (c.take(';')) {
                c.spaces();
                String param = c.token();
                if (param == null) return null;
                c.spaces();
                String value = null;
                if (c.take('=')) {
                    c.spaces();
                    value = c.peek('"') ? c.quoted() : c.token();
                    if (value == null) return null;
                    c.spaces();
                }
                if (param.equalsIgnoreCase("dur") && Double.isNaN(dur)) {
                    if (value == null) return null;
                    try {
                        dur = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (!(dur >= 0) || Double.isInfinite(dur)) return null;
                } else if (param.equalsIgnoreCase("desc") && desc == null) {
                    desc = value;
                }
            }
            out.add(new Entry(name, dur, desc));
            if (c.end()) return out;
            if (!c.take(',')) return null;
            c.spaces();
        }
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean end() {
            return i >= s.length();
        }

        void spaces() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        }

        boolean peek(char ch) {
            return i < s.length() && s.charAt(i) == ch;
        }

        boolean take(char ch) {
            if (!peek(ch)) return false;
            i++;
            return true;
        }

        /** An RFC 9110 token, or null when there is none here. */
        String token() {
            int start = i;
            while (i < s.length() && tokenChar(s.charAt(i))) i++;
            return i == start ? null : s.substring(start, i);
        }

        /** A quoted string with its escapes undone, or null when it is not closed. */
        String quoted() {
            StringBuilder b = new StringBuilder();
            i++; // the opening quote
            while (i < s.length()) {
                char ch = s.charAt(i++);
                if (ch == '"') return b.toString();
                if (ch == '\\') {
                    if (i >= s.length()) return null;
                    ch = s.charAt(i++);
                }
                b.append(ch);
            }
            return null;
        }

        private static boolean tokenChar(char ch) {
            return ch < 127 && ch > 32 && "()<>@,;:\\\"/[]?={}".indexOf(ch) < 0;
        }
    }
}
