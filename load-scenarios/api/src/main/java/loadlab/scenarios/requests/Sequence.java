package loadlab.scenarios.requests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one arrival sends: a single request, or a request file's {@code sequence:} of requests sent
 * in order, each after the answer to the one before, on behalf of one virtual user. Values one
 * request extracts are variables of the requests after it; the file's variables are drawn once
 * per arrival, so {@code ${user}} is the same user in every request of the sequence.
 */
final class Sequence {
    private final List<RequestTemplate> steps;
    private final double weight;
    private final List<Variable> variables = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    Sequence(List<RequestTemplate> steps, double weight) {
        if (steps.isEmpty()) throw new IllegalArgumentException("a sequence needs at least one request");
        this.steps = List.copyOf(steps);
        this.weight = weight;
    }

    /** Checks and binds every step's variables: defined in the file, or extracted by an earlier step. */
    void bind(Map<String, Variable> defined) {
        Set<String> extracted = new LinkedHashSet<>();
        Set<String> drawn = new LinkedHashSet<>();
        for (RequestTemplate step : steps) {
            step.bind(defined, extracted);
            for (String n : step.variableNames()) if (!extracted.contains(n)) drawn.add(n);
            for (Extraction e : step.extractions()) {
                if (defined.containsKey(e.variable())) {
                    throw new IllegalArgumentException("request '" + step.name() + "' extracts '" + e.variable()
                            + "', which is also one of the variables; give the extracted value another name");
                }
                extracted.add(e.variable());
            }
        }
        for (String n : drawn) {
            index.put(n, variables.size());
            variables.add(defined.get(n));
        }
    }

    List<RequestTemplate> steps() {
        return steps;
    }

    double weight() {
        return weight;
    }

    List<Variable> variables() {
        return variables;
    }

    /** Where a drawn variable's value sits in an {@link Iteration}'s draws, or -1 for an extracted one. */
    int indexOf(String variable) {
        Integer i = index.get(variable);
        return i == null ? -1 : i;
    }
}
