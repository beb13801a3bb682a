package loadlab.reports.changes;

/**
 * A point of a series where its mean changed: the index of the first point after the change, with
 * the two segments it separates (up to the neighbouring change points) and how sure the change is.
 *
 * @param index      the first point of the new segment
 * @param pValue     two-sided p-value of the pooled two-sample t-test between the two segments
 * @param meanBefore mean of the segment before
 * @param meanAfter  mean of the segment after
 * @param sdBefore   standard deviation (population) of the segment before
 * @param sdAfter    and after
 */
public record ChangePoint(int index, double pValue, double meanBefore, double meanAfter, double sdBefore, double sdAfter) {
    /** after / before - 1: +0.2 is a mean 20% higher after the change; 0 when the mean before is 0. */
    public double forwardChange() {
        return meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
    }

    /** How large the change is either way, max(|after/before - 1|, |before/after - 1|), as Otava ranks it. */
    public double magnitude() {
        double back = meanAfter == 0 ? 0 : meanBefore / meanAfter - 1;
        return Math.max(Math.abs(forwardChange()), Math.abs(back));
    }
}
