package loadlab.scenarios.requests;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;


/**
 * One arrival's walk through its {@link Sequence}: which request is next, the variables drawn for
 * it, and the values extracted so far. Confined to one event loop.
 */
public final class Iteration {
    private final Sequence sequence;
    private final Variable.Drawn[] drawn;
    private Map<String, String> extracted;
    private int step;

    Iteration(Sequence sequence, SplittableRandom random) {
        this.sequence = sequence;
        this.drawn = sequence.variables().isEmpty() ? null : Variable.drawAll(sequence.variables(), random);
    }

    public RequestTemplate current() {
        return sequence.steps().get(step);
    }

    /** The current request with this arrival's values in place. */
    public OutgoingRequest render() {
        return current().render(this::value);
    }

    /** The text of a place ({@code user}, {@code row.id}, an extracted {@code post}) for this arrival. */
    public String value(String place) {
        int dot = place.indexOf('.');
        String variable = dot < 0 ? place : place.substring(0, dot);
        int i = sequence.indexOf(variable);
        if (i >= 0) return drawn[i].value(place);
        return extracted.get(variable);
    }

    /** Where the current request's extracted values go. */
    public Map<String, String> extracted() {
        if (extracted == null) extracted = new HashMap<>(4);
        return extracted;
    }

    /** Moves to the next request; false when the sequence is over. */
    public boolean advance() {
        if (step + 1 >= sequence.steps().size()) return false;
        step++;
        return true;
    }
}
