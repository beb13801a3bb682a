package loadlab.recording;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The client's side of a verification: every write in {@code writes.jsonl} read back from the
 * target after the load and classified as Jepsen's set checker does. The target's own account
 * ({@link Verification}'s service view) comes from its memory, which a crash and restart wipes;
 * this one comes from what the client was told, so it counts every acknowledgement the client
 * received, whichever process gave it.
 *
 * @param target       the base URL the writes were read back from
 * @param attempted    writes sent (or about to be)
 * @param acknowledged writes the target acknowledged (ok)
 * @param failed       writes that certainly did not happen (fail)
 * @param unknown      writes whose outcome the client never learnt (info: timeouts, broken connections, 5xx)
 * @param ok           acknowledged and present
 * @param lost         acknowledged and absent when the wait ended, or its id now holding something else
 * @param replaced     of those lost, the ones whose id answered with something else than this write
 * @param recovered    outcome unknown, and present
 * @param unexpected   answered as failed, yet present
 * @param unresolved   outcome unknown and absent, or with no id to look for: neither lost nor kept
 * @param unverifiable acknowledged without an id or a way to read it back: not checked, so never a pass
 * @param unreadable   reads with no clear answer (not 2xx, 404 or 410; or no answer at all)
 * @param late         acknowledged writes absent at the first read and present at a later one
 * @param lateMaxS     the longest such wait, seconds from the first read
 * @param lostWrites   the first lost writes, "name id"
 * @param error        why the writes could not be read back at all; null when they were
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientCheck(String target, long attempted, long acknowledged, long failed, long unknown, long ok, long lost, long replaced, long recovered,
                          long unexpected, long unresolved, long unverifiable, long unreadable, long late, Double lateMaxS,
                          List<String> lostWrites, String error) {
    /** How many lost writes are named in the file and the console. */
    public static final int NAMED = 20;

    public ClientCheck {
        lostWrites = lostWrites == null ? List.of() : List.copyOf(lostWrites);
    }

    public static ClientCheck unchecked(String target, long attempted, String error) {
        return new ClientCheck(target, attempted, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, List.of(), error);
    }

    /** Lost writes first; then writes reported failed that are present; then anything that could not be read back. */
    @JsonProperty(value = "verdict", access = JsonProperty.Access.READ_ONLY)
    public Verification.Verdict verdict() {
        if (lost > 0) return Verification.Verdict.LOST;
        if (unexpected > 0) return Verification.Verdict.UNEXPECTED;
        if (error != null || unreadable > 0 || unverifiable > 0) return Verification.Verdict.UNCHECKED;
        return Verification.Verdict.KEPT;
    }

    /** The client's check in one line. */
    public String sentence() {
        String outcomes = String.format(Locale.ROOT, "of %,d writes attempted, %,d acknowledged, %,d failed, %,d unknown", attempted, acknowledged,
                failed, unknown);
        return switch (verdict()) {
            case KEPT -> String.format(Locale.ROOT, "all %,d acknowledged writes read back from %s (%s; %,d unknown found applied)%s", ok,
                    target, outcomes, recovered, late == 0 ? "" : String.format(Locale.ROOT, "; %,d appeared late, up to %.1f s", late, lateMaxS));
            case LOST -> String.format(Locale.ROOT, "%,d of %,d acknowledged writes LOST: absent when read back from %s%s (%s)%s", lost, acknowledged,
                    target, replaced == 0 ? "" : String.format(Locale.ROOT, ", %,d of them because their id holds another write", replaced), outcomes, lostWrites.isEmpty() ? "" : ": " + String.join(", ", lostWrites) + (lost > lostWrites.size() ? ", ..." : ""));
            case UNEXPECTED -> String.format(Locale.ROOT, "%,d writes answered as failed are present at %s (%s)", unexpected, target, outcomes);
            case UNCHECKED -> error != null ? "could not read the writes back: " + error
                    : String.format(Locale.ROOT, "%s could not be read back from %s (%s)", unreadable > 0
                    ? String.format(Locale.ROOT, "%,d writes", unreadable)
                    : String.format(Locale.ROOT, "%,d acknowledged writes without an id", unverifiable), target, outcomes);
            case NOT_CONVERGED -> throw new IllegalStateException("the client's check has no convergence");
        };
    }
}
