package loadlab.scenarios.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.netty.handler.codec.http.FullHttpRequest;

/**
 * One arrival's walk through its {@link Sequence}: which request is next, the variables drawn for
 * it, and the values extracted so far. Confined to one event loop.
 */
final class Iteration {
    private final Sequence sequence;
    private final Variable.Drawn[] drawn;
    private Map<String, String> extracted;
    private int step;

    Iteration(Sequence sequence, SplittableRandom random) {
        this.sequence = sequence;
        this.drawn = sequence.variables().isEmpty() ? null : Variable.drawAll(sequence.variables(), random);
    }

    RequestTemplate current() {
        return sequence.steps().get(step);
    }

    FullHttpRequest build(String hostHeader, String userAgent) {
        return current().build(this::value, hostHeader, userAgent);
    }

    /** The text of a place ({@code user}, {@code row.id}, an extracted {@code post}) for this arrival. */
    String value(String place) {
        int dot = place.indexOf('.');
        String variable = dot < 0 ? place : place.substring(0, dot);
        int i = sequence.indexOf(variable);
        if (i >= 0) return drawn[i].value(place);
        return extracted.get(variable);
    }

    /** Where the current request's extracted values go. */
    Map<String, String> extracted() {
        if (extracted == null) extracted = new HashMap<>(4);
        return extracted;
    }

    /** Moves to the next request; false when the sequence is over. */
    boolean advance() {
        if (step + 1 >= sequence.steps().size()) return false;
        step++;
        return true;
    }
}
