package loadlab.scenarios.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;


/**
 * What the engine sends: for each arrival, one of its sequences (most are a single named request)
 * picked by weight, with the variables they draw from. Picks and draws come from each event loop's
 * own seeded random, so a run's sequence of requests is repeatable.
 */
public final class RequestMix {
    private final List<Sequence> sequences;
    private final double[] cumulative;

    RequestMix(List<Sequence> sequences, Map<String, Variable> variables) {
        if (sequences.isEmpty()) throw new IllegalArgumentException("a request mix needs at least one request");
        this.sequences = List.copyOf(sequences);
        this.cumulative = new double[sequences.size()];
        double sum = 0;
        for (int i = 0; i < sequences.size(); i++) {
            sequences.get(i).bind(variables);
            cumulative[i] = sum += sequences.get(i).weight();
        }
    }

    public static RequestMix of(RequestTemplate single) {
        return new RequestMix(List.of(new Sequence(List.of(single), single.weight())), Map.of());
    }

    /** A new arrival's walk: a sequence picked by weight, its variables drawn. */
    public Iteration start(SplittableRandom random) {
        return new Iteration(pickSequence(random), random);
    }

    /** The first request of a sequence picked by weight: what an arrival that never got a connection is recorded as. */
    public RequestTemplate pick(SplittableRandom random) {
        return pickSequence(random).steps().get(0);
    }

    private Sequence pickSequence(SplittableRandom random) {
        if (sequences.size() == 1) return sequences.get(0);
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return sequences.get(i);
        return sequences.get(sequences.size() - 1);
    }

    /** Every request, in the order of the file, sequences' steps in order. */
    public List<RequestTemplate> requests() {
        List<RequestTemplate> out = new ArrayList<>();
        for (Sequence s : sequences) out.addAll(s.steps());
        return out;
    }
}
