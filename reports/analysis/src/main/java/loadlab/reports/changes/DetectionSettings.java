package loadlab.reports.changes;

/**
 * How change points are looked for, with Otava's defaults.
 *
 * @param window       points per sliding window of the split step; windows advance by half of it
 * @param maxPValue    a change point's two-sided p-value must be at most this
 * @param minMagnitude and its relative change, max(|after/before - 1|, |before/after - 1|), at least this
 */
public record DetectionSettings(int window, double maxPValue, double minMagnitude) {
    public static final DetectionSettings DEFAULT = new DetectionSettings(50, 0.001, 0.0);

    public DetectionSettings {
        if (window < 2) throw new IllegalArgumentException("--window must be at least 2 points; 50 is the usual");
        if (!(maxPValue > 0 && maxPValue < 1)) throw new IllegalArgumentException("--max-pvalue must be between 0 and 1, e.g. 0.001");
        if (!(minMagnitude >= 0)) throw new IllegalArgumentException("--min-magnitude must be 0 or more, e.g. 0.05 for 5%");
    }

    /**
     * The looser p-value of the split step, whose "weak" change points the merge step then filters:
     * ten times the final one below 0.05, as Otava does.
     */
    double firstPassPValue() {
        return maxPValue < 0.05 ? maxPValue * 10 : maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
    }
}
