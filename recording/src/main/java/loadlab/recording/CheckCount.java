package loadlab.recording;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often one named check of one request name passed and failed. A check that fails makes its
 * request a failure with cause {@link ErrorCause#CHECK}; its messages say why (at most
 * {@link #MAX_MESSAGES} distinct ones are kept, the rest counted under {@link #OTHER_MESSAGES}).
 *
 * @param name     as the user named it, or as Gatling describes it ({@code jsonPath($.id).find.exists})
 * @param passes   responses on which it held
 * @param fails    responses on which it did not
 * @param messages why it failed, with how often
 */
public record CheckCount(String name, long passes, long fails, Map<String, Long> messages) {
    public static final int MAX_MESSAGES = 10;
    public static final String OTHER_MESSAGES = "(other messages)";

    public CheckCount {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a check needs a name");
        if (passes < 0 || fails < 0) throw new IllegalArgumentException("check '" + name + "' has a negative count");
        messages = messages == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(messages));
    }

    /** This check's counts added to another's of the same name (segments of one run, or several request names). */
    public CheckCount plus(CheckCount other) {
        Map<String, Long> m = new TreeMap<>(messages);
        other.messages.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new CheckCount(name, passes + other.passes, fails + other.fails, bounded(m));
    }

    /** Keeps the most frequent messages, the rest counted together. */
    static Map<String, Long> bounded(Map<String, Long> messages) {
        if (messages.size() <= MAX_MESSAGES) return messages;
        Map<String, Long> out = new TreeMap<>();
        long other = messages.getOrDefault(OTHER_MESSAGES, 0L);
        var sorted = messages.entrySet().stream().filter(e -> !e.getKey().equals(OTHER_MESSAGES))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_MESSAGES - 1) out.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            else other += sorted.get(i).getValue();
        }
        if (other > 0) out.put(OTHER_MESSAGES, other);
        return out;
    }
}
