package loadlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.testkit.EndToEnd;

@EndToEnd
class BadInputGetsOneSentenceAndExitCodeTwoTest {

    @ParameterizedTest(name = "loadlab {0}")
    @CsvSource(delimiter = '|', value = {
            "nosuchcommand                              | Unmatched argument",
            "serve --port abc                           | '--port'",
            "serve --port 70000                         | --port must be from 0 to 65535",
            "serve --strategy sideways                  | unknown timeline strategy 'sideways'",
            "serve --max-queue-delay 5parsecs           | write it like 500ms",
            "serve --users -5                           | --users must be between 0 and 10000000",
            "serve --follower-exponent 9                | --follower-exponent must be between 0 and 5",
            "serve --http-threads 0                     | --http-threads must be at least 1",
            "serve --body-timeout 0s                    | --body-timeout must be positive",
            "serve --store mysql://127.0.0.1/x          | use h2:mem, h2:file:PATH or postgres://",
            "serve --cache memcached://127.0.0.1        | --cache 'memcached://127.0.0.1' is not understood",
            "serve --stream kafka://127.0.0.1           | --stream 'kafka://127.0.0.1' is not understood",
            "serve --store postgres://127.0.0.1:1/test  | check --store",
            "demo --unknown-flag                        | Unknown option: '--unknown-flag'",
    })
    void isRefusedWithOneSentence(String args, String phrase) {
        CliRun.execute(args.trim().split("\\s+")).assertRefusedWithOneSentence(phrase.trim());
    }
}
