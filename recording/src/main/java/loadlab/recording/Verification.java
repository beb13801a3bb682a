package loadlab.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code verification.json}: whether the target kept the writes it acknowledged, in two views. The
 * service's view is what the target said, after the load, about the writes it acknowledged: whether
 * every one is still durable ({@code lost}) and visible in all derived data ({@code missing}), asked
 * until it converged or the wait ran out. The client's view ({@link ClientCheck}) is every write the
 * client saw acknowledged, read back one by one: the only view that survives a target that crashed
 * and restarted with a memory of nothing. A run's figures say how fast the target was; this says
 * whether it kept its data, which a fast run can hide. Either view may be absent (no service
 * endpoint: {@code url} is null; no writes recorded: {@code client} is null), not both.
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
 * @param client           the client's view, or null when no writes were recorded
 */
public record Verification(String schema, String url, double waitedS, Long acknowledged, Long lost, Long missing, Long pending,
                           Boolean converged, Double convergenceP99Ms, String error, ClientCheck client) {
    public static final String FILE = "verification.json";
    public static final String SCHEMA = "loadlab.verification/1";

    /** Whether the promise was kept; a check that could not be made is never taken for one that passed. Worst last. */
    public enum Verdict {
        KEPT, NOT_CONVERGED, UNCHECKED, UNEXPECTED, LOST;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Verification answered(String url, double waitedS, long acknowledged, long lost, Long missing, Long pending,
                                        boolean converged, Double convergenceP99Ms) {
        return new Verification(SCHEMA, url, waitedS, acknowledged, lost, missing, pending, converged, convergenceP99Ms, null, null);
    }

    public static Verification unchecked(String url, double waitedS, String error) {
        return new Verification(SCHEMA, url, waitedS, null, null, null, null, null, null, error, null);
    }

    /** The client's view alone: the target has no verification endpoint. */
    public static Verification clientOnly(ClientCheck client) {
        return new Verification(SCHEMA, null, 0, null, null, null, null, null, null, null, client);
    }

    /** This verification with the client's view (re)placed. */
    public Verification withClient(ClientCheck c) {
        return new Verification(schema, url, waitedS, acknowledged, lost, missing, pending, converged, convergenceP99Ms, error, c);
    }

    /** Whether the service was asked. */
    public boolean hasServiceView() {
        return url != null;
    }

    /** Acknowledged writes lost by either view's count: the larger. */
    public long lostWrites() {
        long service = hasServiceView() && lost != null ? lost : 0;
        return Math.max(service, client == null ? 0 : client.lost());
    }

    /** Acknowledged writes by either view's count: the client's when it has one (it saw every acknowledgement). */
    public long acknowledgedWrites() {
        if (client != null) return client.acknowledged();
        return acknowledged == null ? 0 : acknowledged;
    }

    /** The worse of the two views' verdicts. */
    @JsonProperty(value = "verdict", access = JsonProperty.Access.READ_ONLY)
    public Verdict verdict() {
        Verdict service = hasServiceView() ? serviceVerdict() : Verdict.KEPT;
        Verdict mine = client == null ? Verdict.KEPT : client.verdict();
        return service.compareTo(mine) >= 0 ? service : mine;
    }

    /** The service's view alone. */
    public Verdict serviceVerdict() {
        if (error != null || acknowledged == null || lost == null || converged == null) return Verdict.UNCHECKED;
        if (lost > 0) return Verdict.LOST;
        if (!converged || (missing != null && missing > 0)) return Verdict.NOT_CONVERGED;
        return Verdict.KEPT;
    }

    /** The verification in one line, as the console and the report say it: each view it has. */
    public String sentence() {
        if (client == null) return serviceSentence();
        if (!hasServiceView()) return "client: " + client.sentence();
        return "client: " + client.sentence() + "; service: " + serviceSentence();
    }

    private String serviceSentence() {
        return switch (serviceVerdict()) {
            case KEPT -> String.format(Locale.ROOT, "all %,d acknowledged writes durable and visible everywhere%s", acknowledged,
                    convergenceP99Ms == null ? "" : String.format(Locale.ROOT, " (convergence p99 %s)", Micros.text(Math.round(convergenceP99Ms * 1000))));
            case LOST -> String.format(Locale.ROOT, "%,d of %,d acknowledged writes LOST: the system of record no longer has them", lost, acknowledged);
            case NOT_CONVERGED -> String.format(Locale.ROOT, "%s of %,d acknowledged writes not visible in all derived data%s after %.0f s",
                    missing == null ? "some" : String.format(Locale.ROOT, "%,d", missing), acknowledged,
                    pending == null || pending == 0 ? "" : String.format(Locale.ROOT, " (%,d events pending)", pending), waitedS);
            case UNCHECKED -> "could not be checked: " + error;
            case UNEXPECTED -> throw new IllegalStateException("the service's view has no unexpected writes");
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
        if (!v.hasServiceView() && v.client() == null) throw DamagedRunException.of(file, "holds neither the service's view nor the client's");
        if (v.hasServiceView() && v.error() == null && (v.acknowledged() == null || v.lost() == null || v.converged() == null
                || v.acknowledged() < 0 || v.lost() < 0 || v.lost() > v.acknowledged())) {
            throw DamagedRunException.of(file, "holds an answer without consistent acknowledged, lost and converged counts");
        }
        return v;
    }
}
