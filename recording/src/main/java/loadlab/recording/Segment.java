package loadlab.recording;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code --segment K/N}: one injector's share, the K-th of N, of a profile that N injectors run
 * together. Recorded in {@code run.json} as the text "K/N"; {@code merge} checks the set is whole.
 */
public record Segment(int k, int n) {
    public Segment {
        if (n < 1 || k < 1 || k > n || n > 10_000) {
            throw new IllegalArgumentException("--segment K/N needs 1 <= K <= N <= 10000, e.g. 2/4; got " + k + "/" + n);
        }
    }

    @JsonCreator
    public static Segment parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/");
        try {
            if (parts.length == 2) return new Segment(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--segment '" + text + "' is not K/N; write it like 2/4 (injector 2 of 4)");
    }

    @JsonValue
    public String text() {
        return k + "/" + n;
    }

    /** The share of the whole profile this segment runs. */
    public double share() {
        return 1.0 / n;
    }
}
