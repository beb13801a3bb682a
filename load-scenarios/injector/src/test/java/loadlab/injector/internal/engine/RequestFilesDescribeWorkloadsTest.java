package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestFile;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestSpec;
import loadlab.testkit.LoopbackTarget;

/**
 * A request file is the workload: its requests are sent as written, picked by weight, with each
 * kind of variable drawn per request into path, headers and body; a wrong file is one sentence.
 */
class RequestFilesDescribeWorkloadsTest {
    @TempDir
    Path dir;

    private Map<String, Long> run(LoopbackTarget target, Path file, int arrivals) throws Exception {
        RequestMix mix = RequestFile.read(file, target.uri());
        try (RequestEngine engine = new RequestEngine(new EngineOptions(4, Duration.ofSeconds(10), false, 1, null, null))) {
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            engine.run(target.uri(), mix, new OpenProfile(List.of(new RatePhase(arrivals, arrivals, 1)), 0), recorder, "test");
            Map<String, Long> counts = new HashMap<>();
            for (RunRecorder.Interval i : recorder.takeIntervals()) counts.merge(i.tag(), i.latency().getTotalCount(), Long::sum);
            return counts;
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void everyKindOfVariableIsDrawnIntoPathHeadersAndBody() throws Exception {
        write("users.csv", "id,name\n7,ada\n8,bob\n");
        Path file = write("mix.yaml", """
                requests:
                  - name: create
                    method: POST
                    path: /users/${row.id}/posts?n=${n}
                    headers: {X-Loadlab: "u${u}"}
                    body: '{"by": "${row.name}", "z": ${z}}'
                    expect: 200
                variables:
                  n: {counter: {start: 100}}
                  u: {uniform: {min: 1, max: 3}}
                  z: {zipf: {min: 10, max: 20, exponent: 1.2}}
                  row: {csv: {file: users.csv}}
                """);
        try (LoopbackTarget target = LoopbackTarget.http(0)) {
            assertEquals(Map.of("create", 40L), run(target, file, 40));
            List<String> seen = target.seen();
            assertEquals(40, seen.size());
            Pattern shape = Pattern.compile("POST /users/(7|8)/posts\\?n=(\\d+) x=u([123]) body=\\{\"by\": \"(ada|bob)\", \"z\": (\\d+)}");
            Set<Long> counters = new TreeSet<>();
            for (String s : seen) {
                Matcher m = shape.matcher(s);
                assertTrue(m.matches(), "sent as written: " + s);
                assertEquals(m.group(1).equals("7") ? "ada" : "bob", m.group(4), "one row per request: " + s);
                counters.add(Long.parseLong(m.group(2)));
                long z = Long.parseLong(m.group(5));
                assertTrue(z >= 10 && z <= 20, s);
            }
            assertEquals(100L, ((TreeSet<Long>) counters).first());
            assertEquals(139L, ((TreeSet<Long>) counters).last(), "the counter counts every request once");
            assertEquals(40, counters.size());
        }
    }

    @Test
    void requestsArePickedByWeightAndTheExpectedStatusDecidesSuccess() throws Exception {
        Path file = write("weights.yaml", """
                requests:
                  - {name: read, path: /r, weight: 3}
                  - {name: write, method: PUT, path: /w, weight: 1, expect: 204}
                """);
        try (LoopbackTarget target = LoopbackTarget.http(0)) {
            Map<String, Long> counts = run(target, file, 400);
            long reads = counts.getOrDefault("read", 0L);
            long writes = counts.getOrDefault("write#check", 0L);
            assertEquals(400, reads + writes, "every arrival is one of them: " + counts);
            assertTrue(reads > 260 && reads < 340, "about three reads to one write: " + counts);
            assertEquals(0L, counts.getOrDefault("write", 0L), "a 200 where 204 is expected is a failed status check: " + counts);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "requests: [{name: a}]                                              | needs either path (/...) or url",
            "requests: [{name: a, path: /x, colour: red}]                       | 'colour' is not a key here",
            "requests: [{path: /x}]                                             | request 1 needs a name",
            "requests: [{name: a, path: /x}, {name: a, path: /y}]               | the name 'a' is used twice",
            "requests: [{name: a, path: '/${who}'}]                               | uses ${who}, which is not among the variables",
            "requests: [{name: a, path: /x, method: FETCH}]                     | method 'FETCH' is not one of",
            "requests: [{name: a, path: x}]                                     | must start with /",
            "requests: [{name: a, path: /x, weight: 0}]                         | weight must be a positive number",
            "requests: [{name: a, path: /x, expect: 2000}]                      | expect must be an HTTP status",
            "requests: [{name: a, url: 'http://elsewhere:81/x'}]                | is not on the target",
            "{requests: [{name: a, path: '/${k}'}], variables: {k: {uniform: {min: 5, max: 1}}}} | min 5 must not be above max 1",
            "{requests: [{name: a, path: '/${k}'}], variables: {k: {gaussian: {mean: 1}}}}       | 'gaussian' is not a kind of variable",
            "{requests: [{name: a, path: '/${k}'}], variables: {k: {csv: {file: none.csv}}}}     | none.csv does not exist",
            "{requests: [{name: a, path: '/${k.x}'}], variables: {k: {counter: {}}}}             | k is not a CSV row",
            "requests: []                                                       | needs 'requests:', a list of at least one request",
            "requests: [{name: a, path: /x]                                     | is not valid YAML",
    })
    void aWrongFileIsOneSentenceNamingThePlace(String yaml, String phrase) throws Exception {
        Path file = write("bad.yaml", yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.read(file, URI.create("http://127.0.0.1:8080/")));
        assertTrue(e.getMessage().contains(phrase), "'" + e.getMessage() + "' should say '" + phrase + "'");
        assertTrue(e.getMessage().startsWith("bad.yaml"), "names the file: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void theOneRequestFlagsAreSentAsGiven() throws Exception {
        try (LoopbackTarget target = LoopbackTarget.http(0);
             RequestEngine engine = new RequestEngine(new EngineOptions(2, Duration.ofSeconds(10), false, 1, null, null))) {
            URI url = target.uri().resolve("/items/9?x=${not-a-variable}".replace("${", "%24%7B").replace("}", "%7D"));
            RequestMix mix = new RequestSpec(null, "put", Map.of("X-Loadlab", "flag"), "{\"n\": \"${kept}\"}").toMix(url);
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            engine.run(url, mix, new OpenProfile(List.of(new RatePhase(5, 5, 1)), 0), recorder, "test");
            assertEquals(5, target.seen().size());
            for (String s : target.seen()) {
                assertEquals("PUT /items/9?x=%24%7Bnot-a-variable%7D x=flag body={\"n\": \"${kept}\"}", s, "a flag's text is literal");
            }
            assertEquals("PUT", recorder.takeIntervals().get(0).tag(), "recorded under its method");
        }
    }
}
