package loadlab.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;

import org.junit.jupiter.api.Test;

/** The search against targets of known capacity, without load: each step's verdict comes from a rule. */
class CapacitySearchBracketsTheKneeTest {

    private static List<Double> drive(CapacitySearch search, DoubleFunction<StepVerdict> target) {
        List<Double> rates = new ArrayList<>();
        for (OptionalDouble next = search.next(); next.isPresent(); next = search.next()) {
            double r = next.getAsDouble();
            rates.add(r);
            search.record(r, target.apply(r), "test");
            assertTrue(rates.size() < 60, "the search ends");
        }
        return rates;
    }

    private static DoubleFunction<StepVerdict> capacity(double c) {
        return r -> r <= c ? StepVerdict.PASS : StepVerdict.FAIL;
    }

    @Test
    void theHighestPassingRateIsFoundWithinTheResolution() {
        CapacitySearch search = new CapacitySearch(100, 1_000_000, 0.05);
        List<Double> rates = drive(search, capacity(7_300));
        assertEquals(CapacitySearch.Outcome.BRACKETED, search.outcome());
        double low = search.sustainable();
        double high = search.lowestFailing();
        assertTrue(low <= 7_300 && high > 7_300, low + " .. " + high);
        assertTrue(high - low <= 0.05 * low, "within 5%: " + low + " .. " + high);
        assertEquals(List.of(100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0, 6400.0, 12800.0), rates.subList(0, 8), "doubling first");
        long retries = rates.stream().filter(r -> r > 7_300).count() - rates.stream().filter(r -> r > 7_300).distinct().count();
        assertEquals(rates.stream().filter(r -> r > 7_300 && r < 12_800).distinct().count(), retries, "every failing midpoint ran twice");
    }

    @Test
    void aMidpointThatFailsOnceAndThenPassesCountsAsAPass() {
        CapacitySearch search = new CapacitySearch(1_000, 100_000, 0.05);
        boolean[] noisy = {true};
        List<Double> rates = drive(search, r -> {
            if (r == 3_000 && noisy[0]) {
                noisy[0] = false;
                return StepVerdict.FAIL;
            }
            return r <= 3_500 ? StepVerdict.PASS : StepVerdict.FAIL;
        });
        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0, 3_000.0, 3_000.0, 3_500.0), rates.subList(0, 6));
        assertTrue(search.sustainable() >= 3_000 && search.sustainable() <= 3_500, "" + search.sustainable());
    }

    @Test
    void aFirstStepThatFailsOnAColdTargetIsRunAgain() {
        CapacitySearch search = new CapacitySearch(1_000, 100_000, 0.05);
        boolean[] cold = {true};
        List<Double> rates = drive(search, r -> {
            if (cold[0]) {
                cold[0] = false;
                return StepVerdict.FAIL;
            }
            return r <= 5_000 ? StepVerdict.PASS : StepVerdict.FAIL;
        });
        assertEquals(List.of(1_000.0, 1_000.0, 2_000.0, 4_000.0, 8_000.0), rates.subList(0, 5), "the cold failure did not count");
        assertTrue(search.sustainable() >= 4_760 && search.sustainable() <= 5_000, "" + search.sustainable());
    }

    @Test
    void anInvalidStepEndsTheSearchAndIsNeverAKnee() {
        CapacitySearch search = new CapacitySearch(500, 100_000, 0.05);
        DoublePredicate injectorCanMake = r -> r <= 2_000;
        drive(search, r -> !injectorCanMake.test(r) ? StepVerdict.INVALID : StepVerdict.PASS);
        assertEquals(CapacitySearch.Outcome.INJECTOR_LIMIT, search.outcome());
        assertEquals(2_000.0, search.sustainable(), "the highest rate the target was seen to sustain");
        assertNull(search.lowestFailing(), "no failure of the target was seen");
        assertTrue(search.conclusion().contains("--segment"), search.conclusion());
    }

    @Test
    void aTargetThatMeetsTheSloAtTheMaximumIsAtLeastThat() {
        CapacitySearch search = new CapacitySearch(1_000, 5_000, 0.05);
        List<Double> rates = drive(search, capacity(1e9));
        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0, 5_000.0), rates);
        assertEquals(CapacitySearch.Outcome.AT_MAX, search.outcome());
    }

    @Test
    void aTargetThatFailsAtTheStartIsSearchedDownward() {
        CapacitySearch search = new CapacitySearch(1_000, 100_000, 0.05);
        drive(search, capacity(180));
        assertEquals(CapacitySearch.Outcome.BRACKETED, search.outcome());
        assertTrue(search.sustainable() <= 180 && search.lowestFailing() > 180, search.sustainable() + " .. " + search.lowestFailing());

        CapacitySearch hopeless = new CapacitySearch(10, 100, 0.05);
        drive(hopeless, capacity(0));
        assertEquals(CapacitySearch.Outcome.NONE_PASSED, hopeless.outcome());
        assertNull(hopeless.sustainable());
    }
}
