package loadlab.service.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import loadlab.service.model.TimelineEntry;

/** The embedded cache's hot path against a plain sorted-set model, over random add sequences. */
class TimelineBufferTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 50})
    void behavesLikeTheNewestWindowOfASortedSet(int window) {
        SplittableRandom random = new SplittableRandom(window);
        TimelineBuffer buffer = new TimelineBuffer(window, 1);
        TreeSet<Long> model = new TreeSet<>();
        long next = 1;
        for (int step = 0; step < 5_000; step++) {
            long id = random.nextInt(10) < 8 ? next++ : 1 + random.nextLong(next); // mostly newest, sometimes older or repeated
            buffer.add(id, id % 7);
            if (model.size() < window || id > model.first()) model.add(id);
            while (model.size() > window) model.pollFirst();
            long before = random.nextInt(4) == 0 ? 1 + random.nextLong(next + 1) : Long.MAX_VALUE;
            int limit = 1 + random.nextInt(window + 2);
            List<Long> expected = new ArrayList<>();
            for (long m : model.headSet(before, false).descendingSet()) {
                if (expected.size() == limit) break;
                expected.add(m);
            }
            CachedPage page = buffer.page(before, limit);
            assertEquals(expected, page.entries().stream().map(TimelineEntry::postId).toList(), "step " + step);
            assertEquals(model.size() >= window, page.full());
        }
    }
}
