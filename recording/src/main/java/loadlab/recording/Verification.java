package loadlab.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code verification.json}: what the target said, after the load, about the writes it
 * acknowledged: whether every one is still durable ({@code lost}) and visible in all derived data
 * ({@code missing}), asked until it converged or the wait ran out. A run's figures say how fast
 * the target was; this says whether it kept its data, which a fast run can hide.
 *
 * @param url              the verification endpoint asked
 * @param waitedS          seconds from the end of the load to the last answer
 * @param acknowledged     writes the target acknowledged
 * @param lost             acknowledged writes the system of record no longer has
 * @param missing          acknowledged writes not visible in every derived view when the wait ended
 * @param pending          events still waiting to be applied to derived data, or null when not told
 * @param converged        nothing missing and nothing pending
 * @param convergenceP99Ms p99 of acknowledgement to visible everywhere, or null when not told
 * @param error            why the target could not be asked or its answer not read; null when it answered
 */
public record Verification(String schema, String url, double waitedS, Long acknowledged, Long lost, Long missing, Long pending,
                           Boolean converged, Double convergenceP99Ms, String error) {
    public static final String FILE = "verification.json";
    public static final String SCHEMA = "loadlab.verification/1";

    /** Whether the promise was kept; a check that could not be made is never taken for one that passed. */
    public enum Verdict {
        KEPT, NOT_CONVERGED, LOST, UNCHECKED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Verification answered(String url, double waitedS, long acknowledged, long lost, Long missing, Long pending,
                                        boolean converged, Double convergenceP99Ms) {
        return new Verification(SCHEMA, url, waitedS, acknowledged, lost, missing, pending, converged, convergenceP99Ms, null);
    }

    public static Verification unchecked(String url, double waitedS, String error) {
        return new Verification(SCHEMA, url, waitedS, null, null, null, null, null, null, error);
    }

    @JsonProperty(value = "verdict", access = JsonProperty.Access.READ_ONLY)
    public Verdict verdict() {
        if (error != null || acknowledged == null || lost == null || converged == null) return Verdict.UNCHECKED;
        if (lost > 0) return Verdict.LOST;
        if (!converged || (missing != null && missing > 0)) return Verdict.NOT_CONVERGED;
        return Verdict.KEPT;
    }

    /** The verification in one line, as the console and the report say it. */
    public String sentence() {
        return switch (verdict()) {
            case KEPT -> String.format(Locale.ROOT, "all %,d acknowledged writes durable and visible everywhere%s", acknowledged,
                    convergenceP99Ms == null ? "" : String.format(Locale.ROOT, " (convergence p99 %s)", Micros.text(Math.round(convergenceP99Ms * 1000))));
            case LOST -> String.format(Locale.ROOT, "%,d of %,d acknowledged writes LOST: the system of record no longer has them", lost, acknowledged);
            case NOT_CONVERGED -> String.format(Locale.ROOT, "%s of %,d acknowledged writes not visible in all derived data%s after %.0f s",
                    missing == null ? "some" : String.format(Locale.ROOT, "%,d", missing), acknowledged,
                    pending == null || pending == 0 ? "" : String.format(Locale.ROOT, " (%,d events pending)", pending), waitedS);
            case UNCHECKED -> "could not be checked: " + error;
        };
    }

    public void write(Path runDir) {
        RunFiles.write(runDir.resolve(FILE), this);
    }

    /** The run's verification, or null when it had none. */
    public static Verification read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) return null;
        Verification v = RunFiles.read(file, Verification.class);
        if (v == null || !SCHEMA.equals(v.schema())) {
            throw DamagedRunException.of(file, "has schema " + (v == null ? "null" : v.schema()) + ", not " + SCHEMA);
        }
        if (v.error() == null && (v.acknowledged() == null || v.lost() == null || v.converged() == null
                || v.acknowledged() < 0 || v.lost() < 0 || v.lost() > v.acknowledged())) {
            throw DamagedRunException.of(file, "holds an answer without consistent acknowledged, lost and converged counts");
        }
        return v;
    }
}
