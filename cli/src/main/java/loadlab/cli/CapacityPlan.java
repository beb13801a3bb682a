package loadlab.cli;

import java.util.List;

import loadlab.reports.capacity.CapacitySearch;

/**
 * What a capacity command steps through: offered rates found by a search, or closed-model
 * concurrency levels given by the user (a sweep).
 *
 * @param levels null for a search
 */
record CapacityPlan(double start, double max, double resolution, List<Integer> levels) {
    static CapacityPlan search(double start, double max, double resolution) {
        new CapacitySearch(start, max, resolution); // the search's own checks, before any load
        return new CapacityPlan(start, max, resolution, null);
    }

    static CapacityPlan sweep(List<Integer> levels) {
        if (levels.isEmpty()) throw new IllegalArgumentException("--concurrency needs levels, e.g. 1,2,4,8,16,32");
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i) == null || levels.get(i) < 1) throw new IllegalArgumentException("--concurrency levels must be at least 1");
            if (i > 0 && levels.get(i) <= levels.get(i - 1)) {
                throw new IllegalArgumentException("--concurrency levels must increase, e.g. 1,2,4,8,16,32");
            }
        }
        return new CapacityPlan(0, 0, 0, List.copyOf(levels));
    }

    boolean isSweep() {
        return levels != null;
    }
}
