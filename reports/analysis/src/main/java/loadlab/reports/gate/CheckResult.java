package loadlab.reports.gate;

/**
 * The outcome of one check on one subject (a request name or a benchmark).
 *
 * @param check    what was checked, in words ("p99 of all requests below 250ms")
 * @param baseline the baseline's figure, or "" for an absolute check
 * @param run      the run's figure
 * @param change   for a relative check: how much worse the run is, with its interval; for an absolute one: the limit
 * @param verdict  PASS, FAIL, or INCONCLUSIVE: the best estimate is beyond the allowance but the interval is not
 * @param reason   one sentence a CI log can show
 */
public record CheckResult(Check.Kind kind, String check, String baseline, String run, String change, Verdict verdict, String reason) {

    public enum Verdict {
        PASS, FAIL, INCONCLUSIVE;

        public String word() {
            return switch (this) {
                case PASS -> "pass";
                case FAIL -> "FAIL";
                case INCONCLUSIVE -> "inconclusive";
            };
        }
    }
}
