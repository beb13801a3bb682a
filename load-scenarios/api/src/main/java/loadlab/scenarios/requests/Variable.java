package loadlab.scenarios.requests;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A value drawn afresh for each request that uses it: a counter, a uniform or Zipf-distributed
 * whole number in a range, or the next row of a CSV file (its columns as {@code ${name.column}}).
 */
public sealed interface Variable {

    /** The value for place {@code place} ({@code name} or {@code name.column}) of this draw. */
    Drawn draw(SplittableRandom random);

    /** One draw, read by every place of one request, so {@code ${row.id}} and {@code ${row.name}} come from one row. */
    interface Drawn {
        String value(String place);
    }

    record Counter(String name, AtomicLong next) implements Variable {
        @Override
        public Drawn draw(SplittableRandom random) {
            String v = Long.toString(next.getAndIncrement());
            return place -> v;
        }
    }

    record Uniform(String name, long min, long max) implements Variable {
        @Override
        public Drawn draw(SplittableRandom random) {
            String v = Long.toString(random.nextLong(min, max + 1));
            return place -> v;
        }
    }

    /** Rank r of {@code min..max} with probability proportional to (r - min + 1)^-exponent: a few values are hot. */
    record Zipf(String name, long min, long max, double exponent, SharedStateDiscreteSampler ranks) implements Variable {
        static Zipf of(String name, long min, long max, double exponent) {
            long n = max - min + 1;
            if (n > 10_000_000) throw new IllegalArgumentException("variable '" + name + "': a zipf range may hold at most 10000000 values");
            return new Zipf(name, min, max, exponent, RejectionInversionZipfSampler.of(null, (int) n, exponent));
        }

        @Override
        public Drawn draw(SplittableRandom random) {
            String v = Long.toString(min - 1 + ranks.withUniformRandomProvider(random::nextLong).sample());
            return place -> v;
        }
    }

    /** The rows of a CSV file, taken in order and round again. */
    record CsvRows(String name, List<String> columns, List<String[]> rows, AtomicLong next) implements Variable {
        @Override
        public Drawn draw(SplittableRandom random) {
            String[] row = rows.get((int) Math.floorMod(next.getAndIncrement(), (long) rows.size()));
            return place -> {
                int dot = place.indexOf('.');
                if (dot < 0) return row[0];
                return row[columns.indexOf(place.substring(dot + 1))];
            };
        }
    }

    /** Draws once per variable a request uses. */
    static Drawn[] drawAll(List<Variable> used, SplittableRandom random) {
        Drawn[] out = new Drawn[used.size()];
        for (int i = 0; i < out.length; i++) out[i] = used.get(i).draw(random);
        return out;
    }
}
