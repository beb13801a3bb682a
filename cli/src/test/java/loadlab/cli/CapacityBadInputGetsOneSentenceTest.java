package loadlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.testkit.LoopbackTarget;

/** Every way to get {@code loadlab capacity} wrong ends in one sentence and exit code 2, before any load. */
class CapacityBadInputGetsOneSentenceTest {
    private static LoopbackTarget target;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        target = new LoopbackTarget();
        Files.writeString(tmp.resolve("few.csv"), "concurrency,throughput\n1,10\n2,19\n4,35\n8,60\n16,80\n");
        Files.writeString(tmp.resolve("noheader.csv"), "1,10\n2,19\n");
        Files.writeString(tmp.resolve("bad.csv"), "concurrency,throughput\n1,10\n2,x\n");
        Files.writeString(tmp.resolve("below.csv"), "concurrency,throughput\n0.5,5\n1,10\n2,19\n4,35\n8,60\n16,80\n32,85\n");
        Files.writeString(tmp.resolve("ok.csv"), "concurrency,throughput\n1,10\n2,19\n4,35\n8,60\n16,80\n32,85\n");
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @ParameterizedTest(name = "loadlab {0}")
    @CsvSource(delimiter = '|', value = {
            "capacity --target TARGET                                        | give at least one --slo",
            "capacity --target TARGET --slo p99<=50ms --start-at 2020-01-01T00:00:00Z | --start-at 2020-01-01T00:00:00Z has passed",
            "capacity --target TARGET --slo p99<=fast                        | 'fast' is not a number with a unit",
            "capacity --target TARGET --slo p99>=50ms                        | is not METRIC <= VALUE",
            "capacity --target TARGET --slo throughput<=50/s                 | an SLO limits a response time or the error rate",
            "capacity --target TARGET --slo p42<=5ms                         | unknown metric 'p42'",
            "capacity --target TARGET --slo p99<=50ms --start fast           | --start 'fast' is not a rate",
            "capacity --target TARGET --slo p99<=50ms --start 100/s --max 10/s | --max must be at least --start",
            "capacity --target TARGET --slo p99<=50ms --resolution 5         | --resolution '5' is not a percentage",
            "capacity --target TARGET --slo p99<=50ms --resolution 150%      | --resolution must be between 0% and 100%",
            "capacity --target TARGET --slo p99<=50ms --hold 1s              | --hold must be at least 3s",
            "capacity --target TARGET --slo p99<=50ms --concurrency 4,2      | --concurrency levels must increase",
            "capacity --target TARGET --slo p99<=50ms --concurrency 0,2      | --concurrency levels must be at least 1",
            "capacity --target TARGET --slo p99<=50ms --json TMP/x.json      | --json goes with --fit POINTS.csv",
            "capacity --target http://127.0.0.1:1/ --slo p99<=50ms           | the target 127.0.0.1:1 is unreachable",
            "capacity --fit TMP/absent.csv                                   | absent.csv does not exist; give a CSV file",
            "capacity --fit TMP/few.csv                                      | needs at least 6 points to fit, got 5",
            "capacity --fit TMP/noheader.csv                                 | must be a header naming the columns concurrency and throughput",
            "capacity --fit TMP/bad.csv                                      | bad.csv line 3: 'x' is not a number",
            "capacity --fit TMP/ok.csv --slo p99<=1ms                        | --fit only fits a CSV",
            "capacity --fit TMP/below.csv                                    | a point at concurrency 0.5 is below 1, outside the Universal",
    })
    void isRefusedWithOneSentence(String args, String phrase) {
        String line = args.trim().replace("TARGET", target.url()).replace("TMP", tmp.toString());
        CliRun.execute(line.split("\\s+")).assertRefusedWithOneSentence(phrase.trim());
    }
}
