package loadlab.service.seed;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Post texts from a fixed vocabulary of pronounceable made-up words, used with Zipf frequencies as
 * natural language is, so that search has common and rare terms. Deterministic for a given random.
 */
public final class TextGenerator {
    private static final String[] ONSETS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};
    private final String[] words;
    private final ZipfSampler frequency;

    public TextGenerator(int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < vocabulary) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            unique.add(w.toString());
        }
        this.words = unique.toArray(String[]::new);
        this.frequency = new ZipfSampler(vocabulary, 1.0);
    }

    /** The word of the given frequency rank: 0 is the most common. */
    public String word(int rank) {
        return words[rank];
    }

    public int vocabulary() {
        return words.length;
    }

    public String post(SplittableRandom random) {
        int n = 4 + random.nextInt(9);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) text.append(' ');
            text.append(words[frequency.sample(random)]);
        }
        return text.toString();
    }
}
