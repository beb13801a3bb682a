package loadlab.injector.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.CheckCount;
import loadlab.recording.CheckLog;
import loadlab.recording.RunRecorder;
import loadlab.scenarios.profile.OpenProfile;
import loadlab.scenarios.profile.RatePhase;
import loadlab.scenarios.requests.RequestFile;
import loadlab.scenarios.requests.RequestMix;
import loadlab.testkit.ItemsTarget;

/**
 * A request file's checks count and can fail: each named check's passes and fails are counted per
 * request, a failed one makes its request a failure with cause {@code check}; a sequence sends its
 * requests in order for one arrival, a later one using what an earlier one extracted, and stops
 * at a failed extraction instead of sending a request with a hole in it.
 */
class ChecksAndSequencesInRequestFilesTest {
    @TempDir
    Path dir;

    private record Outcome(Map<String, Long> counts, CheckLog checks) {
        CheckCount check(String request, String name) {
            return checks.requests().getOrDefault(request, List.of()).stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no check '" + name + "' of " + request + " in " + checks));
        }
    }

    private Outcome run(ItemsTarget target, String yaml, int arrivals, Map<String, String> env) throws Exception {
        Path file = dir.resolve("mix.yaml");
        Files.writeString(file, yaml);
        RequestMix mix = RequestFile.read(file, target.uri(), env);
        try (RequestEngine engine = new RequestEngine(new EngineOptions(4, Duration.ofSeconds(10), false, 1, null, null))) {
            RunRecorder recorder = new RunRecorder(Long.MAX_VALUE);
            engine.run(target.uri(), mix, new OpenProfile(List.of(new RatePhase(arrivals, arrivals, 1)), 0), recorder, "test");
            Map<String, Long> counts = new HashMap<>();
            for (RunRecorder.Interval i : recorder.takeIntervals()) counts.merge(i.tag(), i.latency().getTotalCount(), Long::sum);
            counts.values().removeIf(n -> n == 0);
            return new Outcome(counts, recorder.checks());
        }
    }

    @Test
    void aSequenceReadsBackWhatItsFirstRequestCreatedByTheExtractedId() throws Exception {
        String yaml = """
                requests:
                  - sequence:
                      - name: create
                        method: POST
                        path: /items
                        body: '{"n": ${n}}'
                        expect: 201
                        checks: [{name: says stored, json: /stored, equals: 'true'}, {header: Content-Type, contains: json}]
                        extract: {id: {json: $.id}, where: {header: Location}}
                      - name: read
                        path: /items/${id}
                        checks: [{json: $.item.n, exists: true}, {regex: '"n": \\d+'}]
                      - name: again
                        path: ${where}
                        expect: 200
                variables:
                  n: {counter: {start: 1}}
                """;
        try (ItemsTarget target = new ItemsTarget()) {
            Outcome o = run(target, yaml, 30, Map.of());
            assertEquals(Map.of("create", 30L, "read", 30L, "again", 30L), o.counts(), o.checks().toString());
            List<String> seen = target.seen();
            Set<String> reads = new TreeSet<>();
            for (long id = 101; id <= 130; id++) reads.add("GET /items/" + id + " auth=null");
            assertEquals(reads, seen.stream().filter(s -> s.startsWith("GET")).collect(Collectors.toCollection(TreeSet::new)),
                    "each created item read back twice, by the id from the body and by the Location header");
            assertEquals(60, seen.stream().filter(s -> s.startsWith("GET")).count());
            for (String name : List.of("says stored", "status is 201", "header Content-Type contains json", "extract id", "extract where")) {
                assertEquals(30, o.check("create", name).passes(), name);
            }
            assertEquals(30, o.check("read", "json $.item.n exists").passes());
            assertEquals(30, o.check("read", "body matches \"n\": \\d+").passes());
        }
    }

    @Test
    void aFailedExtractionIsACheckFailureAndTheRequestsAfterItAreNotSent() throws Exception {
        String yaml = """
                requests:
                  - sequence:
                      - {name: create, method: POST, path: '/items?noid', body: '{}', extract: {id: {json: $.id}}}
                      - {name: read, path: '/items/${id}'}
                """;
        try (ItemsTarget target = new ItemsTarget()) {
            Outcome o = run(target, yaml, 20, Map.of());
            assertEquals(Map.of("create#check", 20L), o.counts());
            CheckCount extract = o.check("create", "extract id");
            assertEquals(0, extract.passes());
            assertEquals(20, extract.fails());
            assertEquals(Map.of("json $.id found nothing", 20L), extract.messages());
            assertTrue(target.seen().stream().noneMatch(s -> s.startsWith("GET")), "no read was sent: " + target.seen());
        }
    }

    @Test
    void eachNamedCheckIsCountedAndAFailingOneMakesTheRequestAFailureByCauseCheck() throws Exception {
        String yaml = """
                requests:
                  - name: create
                    method: POST
                    path: /items
                    body: '{"n": 1}'
                    checks:
                      - {status: [200, 201]}
                      - {name: has an id, json: $.id}
                      - {name: is new, json: $.stored, equals: 'false'}
                      - {json: /missing, exists: false}
                """;
        try (ItemsTarget target = new ItemsTarget()) {
            Outcome o = run(target, yaml, 25, Map.of());
            assertEquals(Map.of("create#check", 25L), o.counts());
            assertEquals(List.of("status in [200, 201]", "has an id", "is new", "json /missing is absent"),
                    o.checks().requests().get("create").stream().map(CheckCount::name).toList());
            assertEquals(25, o.check("create", "status in [200, 201]").passes());
            assertEquals(25, o.check("create", "has an id").passes());
            assertEquals(25, o.check("create", "json /missing is absent").passes());
            CheckCount isNew = o.check("create", "is new");
            assertEquals(0, isNew.passes());
            assertEquals(25, isNew.fails());
            assertEquals(Map.of("found true", 25L), isNew.messages());
        }
    }

    @Test
    void anUnexpectedStatusIsAFailedStatusCheckAndA404ThatIsExpectedIsASuccess() throws Exception {
        String yaml = """
                requests:
                  - {name: created, method: POST, path: /items, body: '{}', expect: 200}
                  - {name: gone, path: /items/1, expect: 404}
                """;
        try (ItemsTarget target = new ItemsTarget()) {
            Outcome o = run(target, yaml, 40, Map.of());
            long created = o.counts().getOrDefault("created#check", 0L);
            long gone = o.counts().getOrDefault("gone", 0L);
            assertEquals(40, created + gone, o.counts().toString());
            assertTrue(created > 0 && gone > 0, o.counts().toString());
            assertEquals(created, o.check("created", "status is 200").fails());
            assertEquals(gone, o.check("gone", "status is 404").passes());
        }
    }

    @Test
    void environmentVariablesAreFilledInAndAnUnsetOneIsRefusedBeforeAnyLoad() throws Exception {
        String yaml = """
                requests:
                  - {name: read, path: '/items/${env.ITEM}', headers: {Authorization: 'Bearer ${env.TOKEN}'}, expect: 404}
                """;
        try (ItemsTarget target = new ItemsTarget()) {
            Outcome o = run(target, yaml, 5, Map.of("ITEM", "7", "TOKEN", "s3cret"));
            assertEquals(Map.of("read", 5L), o.counts());
            assertEquals(5, target.seen().stream().filter(s -> s.equals("GET /items/7 auth=Bearer s3cret")).count(), target.seen().toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(target, yaml, 5, Map.of("ITEM", "7")));
            assertEquals("mix.yaml request 'read' header Authorization uses ${env.TOKEN}, which is not set; export TOKEN=... before the run "
                    + "(an empty value is written TOKEN=)", e.getMessage());
            assertTrue(target.seen().size() == 5, "nothing sent for the refused file");
        }
    }

    @Test
    void mistakesInChecksAndExtractionsAreOneSentenceEach() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("requests: [{name: a, path: /, checks: [{json: '$.[', equals: x}]}]", "mix.yaml request 'a' check 1: '$.[' is not a JSONPath");
        cases.put("requests: [{name: a, path: /, checks: [{json: 'id'}]}]", "mix.yaml request 'a' check 1: 'id' is neither a JSONPath ($.id) nor a JSON pointer (/id)");
        cases.put("requests: [{name: a, path: /, expect: 200, checks: [{status: 201}]}]", "mix.yaml request 'a' has more than one status check");
        cases.put("requests: [{name: a, path: /, checks: [{contains: x, regex: y}]}]", "mix.yaml request 'a' check 1 has contains and regex; a check has one of them");
        cases.put("requests: [{name: a, path: /, checks: [{name: b}]}]", "mix.yaml request 'a' check 'b' says nothing to check");
        cases.put("requests: [{name: a, path: /, checks: [{regex: '('}]}]", "mix.yaml request 'a' check 1: '(' is not a regular expression");
        cases.put("requests: [{name: a, path: /, checks: [{jsn: $.id}]}]", "mix.yaml request 'a' check 1: 'jsn' is not a key here");
        cases.put("requests: [{name: a, path: /, extract: {id: {xpath: //id}}}]", "mix.yaml request 'a' extract 'id' must be one of");
        cases.put("requests: [{sequence: [{name: a, path: '/${id}'}, {name: b, path: /, extract: {id: {json: $.id}}}]}]",
                "mix.yaml: request 'a' uses ${id}, which is not among the variables (there are none)");
        cases.put("requests: [{sequence: [{name: a, path: /, weight: 2}]}]", "mix.yaml request 'a': a request of a sequence has no weight");
        cases.put("requests: [{sequence: []}]", "mix.yaml request 1: sequence must be a list of requests");
        cases.put("requests: [{name: a, path: /, extract: {n: {json: $.n}}}]\nvariables: {n: {counter: {start: 1}}}",
                "mix.yaml: request 'a' extracts 'n', which is also one of the variables");
        cases.put("requests: [{name: a, path: /}\n  - {name: b}", "mix.yaml is not valid YAML at line 2");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                Path file = dir.resolve("mix.yaml");
                Files.writeString(file, c.getKey());
                RequestFile.read(file, URI.create("http://127.0.0.1:1/"), Map.of());
            }, c.getKey());
            assertTrue(e.getMessage().startsWith(c.getValue()), "for " + c.getKey() + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    static String names(CheckLog log) {
        return log.requests().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().stream().map(CheckCount::name)
                .collect(Collectors.joining(","))).collect(Collectors.joining(";"));
    }
}
