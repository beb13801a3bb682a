package loadlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way to get {@code loadlab run} and {@code merge} wrong ends in one sentence and exit code 2. */
class LoadRunBadInputGetsOneSentenceTest {
    private static LoopbackTarget target;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        target = new LoopbackTarget();
        Path corrupt = Files.createDirectories(tmp.resolve("corrupt-run"));
        Files.writeString(corrupt.resolve("run.json"), "{\"schema\":\"loadlab.run/1\",\"scenario\":\"http-get\",\"model\":\"open\",\"measure_from_millis\":0}");
        Files.writeString(corrupt.resolve("latency.hlog"), "0.000,1.000,2.0,HISTFAAAbroken\n");
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @ParameterizedTest(name = "loadlab {0}")
    @CsvSource(delimiter = '|', value = {
            "run --target TARGET --rate fast                        | --rate 'fast' is not a rate",
            "run --target TARGET --rate 10/s --duration 5           | --duration '5' is not a duration",
            "run --target TARGET --rate 10/s --timeout soon         | is not a duration",
            "run --target TARGET --bogus                            | Unknown option: '--bogus'",
            "run --target http://127.0.0.1:1/ --rate 10/s           | the target 127.0.0.1:1 is unreachable",
            "run --target ftp://127.0.0.1/ --rate 10/s              | must be an http:// or https:// URL",
            "run --target TARGET --rate 10/s --out /proc/loadlab-no | cannot create a run directory under /proc/loadlab-no",
            "run --target TARGET --rate 10/s --segment 5/4          | --segment K/N needs 1 <= K <= N",
            "run --target TARGET --scenario nope                    | unknown scenario 'nope'",
            "run --target TARGET --rate 1/s --ramp 1/s..2/s         | not several",
            "merge TMP/absent --out TMP/merged                      | is not a directory",
            "merge TMP/corrupt-run --out TMP/merged-corrupt         | is not a readable HdrHistogram interval log",
    })
    void isRefusedWithOneSentence(String args, String phrase) {
        String line = args.trim().replace("TARGET", target.url()).replace("TMP", tmp.toString());
        CliRun.execute(line.split("\\s+")).assertRefusedWithOneSentence(phrase.trim());
    }
}
