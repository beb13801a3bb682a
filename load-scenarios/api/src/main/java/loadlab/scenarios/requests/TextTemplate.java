package loadlab.scenarios.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Text with {@code ${name}} (or {@code ${name.column}} for a CSV row) places, parsed once so that
 * each request only joins its pieces. {@code $${} writes a literal {@code ${}.
 */
final class TextTemplate {
    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private TextTemplate() {}

    /** @param where how to name the text in an error, e.g. "request 'home' path" */
    static TextTemplate parse(String text, String where) {
        TextTemplate t = new TextTemplate();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) throw new IllegalArgumentException(where + " has a '${' without its '}'");
                String name = text.substring(i + 2, end).trim();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_ -]+)?")) {
                    throw new IllegalArgumentException(where + " has '${" + name + "}', which is not a variable name");
                }
                t.literals.add(literal.toString());
                literal.setLength(0);
                t.names.add(name);
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        t.literals.add(literal.toString());
        return t;
    }

    /** The variables it uses (for a CSV row, the row's variable, without the column). */
    Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) out.add(n.contains(".") ? n.substring(0, n.indexOf('.')) : n);
        return out;
    }

    List<String> places() {
        return names;
    }

    String render(Function<String, String> values) {
        if (names.isEmpty()) return literals.get(0);
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < names.size(); i++) out.append(literals.get(i)).append(values.apply(names.get(i)));
        return out.append(literals.get(names.size())).toString();
    }
}
