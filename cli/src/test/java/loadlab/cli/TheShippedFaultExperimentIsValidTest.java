package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import loadlab.scenarios.faults.FaultSchedule;
import loadlab.scenarios.faults.FaultSpec;

/**
 * examples/faults.yaml is what demo --faults runs (packaged from that one file) and what the README
 * tells users to run: it is checked as any schedule is, against the 65 s run it is written for.
 */
class TheShippedFaultExperimentIsValidTest {
    @Test
    void theExampleFitsItsRunAndTheDemoRunsTheSameFile() throws Exception {
        ReferenceAdminFaults admin = new ReferenceAdminFaults(ReferenceAdminFaults.NOT_YET_STARTED);
        Path example = Path.of("..", "examples", "faults.yaml");
        FaultSchedule shipped = FaultSchedule.read(example, admin, 65);
        assertEquals(List.of("cache-down", "stream-down", "store-errors", "slow-store", "pause"),
                shipped.faults().stream().map(FaultSpec::name).toList());
        assertEquals(List.of("block", "block", "block", "block", "stall"), shipped.faults().stream().map(FaultSpec::kind).toList());
        try (var packaged = DemoCommand.class.getResourceAsStream("examples/faults.yaml")) {
            assertEquals(Files.readString(example), new String(packaged.readAllBytes(), StandardCharsets.UTF_8),
                    "the jar carries examples/faults.yaml itself");
        }
    }
}
