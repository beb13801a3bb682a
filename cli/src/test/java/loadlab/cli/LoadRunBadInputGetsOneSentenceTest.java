package loadlab.cli;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.testkit.LoopbackTarget;

/** Every way to get {@code loadlab run} and {@code merge} wrong ends in one sentence and exit code 2. */
class LoadRunBadInputGetsOneSentenceTest {
    private static LoopbackTarget target;
    private static ServerSocket taken;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        target = new LoopbackTarget();
        taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Path corrupt = Files.createDirectories(tmp.resolve("corrupt-run"));
        Files.writeString(corrupt.resolve("run.json"), "{\"schema\":\"loadlab.run/1\",\"scenario\":\"http-get\",\"model\":\"open\",\"measure_from_millis\":0}");
        Files.writeString(corrupt.resolve("latency.hlog"), "0.000,1.000,2.0,HISTFAAAbroken\n");
        Files.writeString(tmp.resolve("typo.yaml"), "requests:\n  - {name: home, path: /x, wieght: 2}\n");
        Files.writeString(tmp.resolve("block.yaml"), "faults:\n  - { name: c, at: 1s, for: 1s, block: cache, down: true }\n");
        Files.writeString(tmp.resolve("late.yaml"), "faults:\n  - { name: x, at: 4s, for: 2s, exec: { start: 'true' } }\n");
        Files.writeString(tmp.resolve("profile-faults.yaml"), "phases:\n  - { rate: 10/s, duration: 5s }\n"
                + "faults:\n  - { name: x, at: 4s, for: 2s, exec: { start: 'true' } }\n");
        Files.writeString(tmp.resolve("profile-typo.yaml"), "phases:\n  - { rate: 10/s, duration: 5s }\nfault:\n  - { name: x }\n");
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
        taken.close();
    }

    @ParameterizedTest(name = "loadlab {0}")
    @CsvSource(delimiter = '|', value = {
            "run --target TARGET --rate fast                        | --rate 'fast' is not a rate",
            "run --target TARGET --rate 10/s --duration 5           | --duration '5' needs a unit; write it like 5s",
            "run --target TARGET --rate 10/s --timeout soon         | is not a duration",
            "run --target TARGET --bogus                            | Unknown option: '--bogus'",
            "run --target http://127.0.0.1:1/ --rate 10/s           | the target 127.0.0.1:1 is unreachable",
            "run --target ftp://127.0.0.1/ --rate 10/s              | must be an http:// or https:// URL",
            "run --target TARGET --rate 10/s --out /proc/loadlab-no | cannot create a run directory under /proc/loadlab-no",
            "run --target TARGET --rate 10/s --segment 5/4          | --segment K/N needs 1 <= K <= N",
            "run --target TARGET --scenario nope                    | unknown scenario 'nope'",
            "run --target TARGET --rate 1/s --ramp 1/s..2/s         | not several",
            "merge TMP/absent --out TMP/merged                      | is not a directory",
            "merge TMP/corrupt-run --out TMP/merged-corrupt         | run.json cannot be trusted",
            "run --target TARGET --rate 0/s --duration 5s           | the profile asks for no requests",
            "run --target TARGET --scenario timeline --param users=abc | --param users=abc is not a user count",
            "run --target TARGET --scenario timeline --param mix=read=50,bogus=50 | --param mix=read=50,bogus=50 must give each",
            "run --target TARGET --scenario timeline --param mix=read=50,post=10 | adds up to 60.0",
            "run --target TARGET --scenario timeline --param color=red | has no parameter 'color'",
            "run --target TARGET --param users=5                    | the http-get scenario takes no parameters",
            "report TMP/corrupt-run                                 | run.json cannot be trusted",
            "gate --spec TMP/none.yaml TMP/corrupt-run              | none.yaml",
            "run --target TARGET --requests TMP/typo.yaml           | typo.yaml request 'home': 'wieght' is not a key here",
            "run --target TARGET --requests TMP/absent.yaml         | absent.yaml does not exist",
            "run --target TARGET --requests TMP/typo.yaml --scenario http-get | --requests is the workload; drop --scenario",
            "run --target TARGET --header nocolon                   | --header 'nocolon' must be written 'Name: value'",
            "run --target TARGET --method FETCH                     | --method FETCH is not one of",
            "run --target TARGET --engine warp                      | --engine 'warp' is not known",
            "run --target TARGET --engine requests --scenario timeline | runs on Gatling",
            "run --target TARGET --idle nap                         | --idle 'nap' is not known; use sleep, tight or spin",
            "run --target TARGET --idle spin --engine gatling        | drop --idle",
            "run --target TARGET --connections 0                    | --connections must be at least 1",
            "run --target TARGET --rate 10/s --duration 5s --faults TMP/absent.yaml | absent.yaml does not exist",
            "run --target TARGET --rate 10/s --duration 5s --faults TMP/block.yaml  | block faults drive the reference service's admin API",
            "run --target TARGET --rate 10/s --duration 5s --faults TMP/late.yaml   | ends at 6 s, after the run's 5 s measured window",
            "run --target TARGET --rate 10/s --admin http://127.0.0.1:1/            | --admin goes with --faults FAULTS.yaml",
            "run --target TARGET --rate 10/s --faults TMP/block.yaml --admin nope   | --admin 'nope' must be the reference service's http:// URL",
            "run --target TARGET --scenario timeline --body x       | do not go with the timeline scenario",
            "run --target TARGET --profile TMP/profile-faults.yaml   | profile-faults.yaml (faults:) fault 'x' ends at 6 s",
            "run --target TARGET --profile TMP/profile-faults.yaml --faults TMP/late.yaml | has faults: and --faults gives more",
            "run --target TARGET --profile TMP/profile-typo.yaml     | unknown key 'fault'; a profile has phases, concurrency, duration, warmup, faults",
            "run --target TARGET --rate 10/s --live otlp=localhost:4318 | must be an http:// or https:// URL with a host",
            "run --target TARGET --rate 10/s --live prometheus=9464  | is not an address to listen on; write :PORT",
            "run --target TARGET --rate 10/s --live prometheus=127.0.0.1:TAKEN | cannot listen there",
            "run --target TARGET --rate 10/s --live-interval 5s      | --live-interval goes with --live",
            "run --target TARGET --rate 10/s --live statsd=:8125     | is not understood",
            "run --target TARGET --rate 10/s --verify ftp://x/       | --verify 'ftp://x/' must be a verification endpoint's http:// URL",
            "run --target TARGET --rate 10/s --verify none --verify-wait 5s | --verify-wait goes with verification; drop --verify none",
            "run --target TARGET --rate 10/s --verify-wait 2h        | --verify-wait 7200s must be between 0s and 1h",
            "run --target TARGET --rate 10/s --start-at tomorrow     | --start-at 'tomorrow' is not an ISO-8601 time with its zone",
            "run --target TARGET --rate 10/s --start-at 2020-01-01T00:00:00Z | --start-at 2020-01-01T00:00:00Z has passed",
            "run --target TARGET --rate 10/s --start-at 2099-01-01T00:00:00+01:00 | is more than a day away",
            "k8s manifest --injectors 2 --image x --pvc runs -- --target TARGET --rat 5/s | the run flags after -- are not what 'loadlab run' takes",
            "k8s manifest --injectors 2 --image x --pvc runs -- --target TARGET --segment 1/2 | --segment is set by the Job for each injector",
            "k8s manifest --injectors 2 --image x --pvc runs -- --rate 5/s | the run flags need --target URL",
            "k8s manifest --injectors 0 --image x --pvc runs -- --target TARGET | --injectors must be from 1 to 1000",
            "k8s manifest --injectors 2 --image x --pvc runs --start-at 2020-01-01T00:00:00Z -- --target TARGET | has passed",
            "k8s manifest --injectors 2 --image x --pvc Runs -- --target TARGET | --pvc 'Runs' must name a PersistentVolumeClaim",
            "k8s collect --job j --pvc runs --image x --kubectl TMP/no-kubectl --out TMP/collect-1 | cannot run TMP/no-kubectl",
    })
    void isRefusedWithOneSentence(String args, String phrase) {
        String line = args.trim().replace("TARGET", target.url()).replace("TMP", tmp.toString())
                .replace("TAKEN", Integer.toString(taken.getLocalPort()));
        CliRun.execute(line.split("\\s+")).assertRefusedWithOneSentence(phrase.trim().replace("TMP", tmp.toString()));
    }
}
