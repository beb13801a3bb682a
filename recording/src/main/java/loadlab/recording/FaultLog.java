package loadlab.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code faults.json}: the faults a run scheduled, each with its plan, when it really started and
 * ended on the run's measured timeline (seconds from the end of the warm-up), and what its actions
 * did. Written by the injector as each action completes, so an interrupted run keeps what happened.
 */
public record FaultLog(String schema, List<Fault> faults) {
    public static final String FILE = "faults.json";
    public static final String SCHEMA = "loadlab.faults/1";

    public FaultLog {
        faults = List.copyOf(faults);
    }

    /**
     * @param kind     block, stall, exec or http
     * @param target   what it faults: a block's name, "process" for a stall, else the command or URL
     * @param atS      planned start, seconds on the measured timeline
     * @param forS     planned length, seconds
     * @param startedS when the start action was issued, or null if it never was
     * @param endedS   when the fault ended (its stop action was issued, or a stall ran out), or null
     * @param cleared  whether it was cleared when the run ended early rather than on schedule
     */
    public record Fault(String name, String kind, String target, double atS, double forS, Double startedS, Double endedS, Outcome start,
                        Outcome stop, boolean cleared) {}

    /**
     * What one action did.
     *
     * @param action  the command or the request, as run
     * @param ok      exit status 0, or an HTTP status below 400
     * @param status  the exit status or HTTP status; null when it could not be run
     * @param output  the first 2,000 characters of its output or response body, or why it could not run
     * @param tookMs  how long it took
     */
    public record Outcome(String action, boolean ok, Integer status, String output, double tookMs) {}

    public void write(Path runDir) {
        RunFiles.write(runDir.resolve(FILE), this);
    }

    /** The run's faults, or null when it scheduled none. */
    public static FaultLog read(Path runDir) {
        if (!Files.exists(runDir.resolve(FILE))) return null;
        FaultLog log = RunFiles.read(runDir.resolve(FILE), FaultLog.class);
        if (!SCHEMA.equals(log.schema())) {
            throw DamagedRunException.of(runDir.resolve(FILE), "has schema " + log.schema() + ", not " + SCHEMA);
        }
        return log;
    }
}
