package loadlab.scenarios.requests;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import loadlab.recording.FileProblem;
import loadlab.recording.YamlProblem;

/**
 * A workload written down instead of compiled: {@code --requests FILE}, a weighted mix of named
 * requests with variables drawn per request. Read strictly, because a typo that is silently
 * ignored makes a different load than the one asked for: an unknown key, a missing path, an
 * undefined variable, a CSV without rows, each is one sentence naming the file and the place.
 *
 * <pre>
 * requests:
 *   - name: home                       # required, unique; how it is recorded
 *     weight: 9                        # how often, relative to the others (default 1)
 *     method: GET                      # default GET
 *     path: /users/${user}/timeline    # or url: with the target's scheme, host and port
 *     headers: {Accept: application/json, Authorization: 'Bearer ${env.TOKEN}'}
 *     body: '{"text": "post ${n}"}'
 *     expect: 200                      # a status check; default: any 1xx-3xx is a success
 *     checks:                          # each named (or named for what it checks), counted apart
 *       - {name: has posts, json: $.posts[0].id}                  # JSONPath or JSON pointer (/posts/0/id): exists
 *       - {header: Content-Type, contains: json}                  # equals, contains, regex, exists: true|false
 *       - {regex: '"id":\d+'}                                     # no subject: the whole body
 *   - weight: 1                        # a sequence: one arrival sends these in order
 *     sequence:
 *       - {name: post, method: POST, path: /users/${user}/posts, body: '{"text": "hi"}', expect: 201,
 *          extract: {post: {json: $.id}}}                          # json, header or regex (its first group)
 *       - {name: read-back, path: '/users/${user}/posts?before=${post}&limit=1'}
 *   - name: put-item                   # a write: recorded in writes.jsonl and read back after the run
 *     method: PUT
 *     path: /items/${key}
 *     write: {id: '${key}', verify: '/items/${id}'}    # id: a JSONPath into the answer ($.id) or the request's values
 *                                      # expect: 'text-${n}': the read-back must show it (optional)
 * variables:
 *   user: {zipf: {min: 1, max: 10000, exponent: 1.0}}
 *   n: {counter: {start: 1}}
 *   k: {uniform: {min: 1, max: 100}}
 *   row: {csv: {file: users.csv}}     # first line names the columns: ${row.id}
 * </pre>
 */
public final class RequestFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("requests", "variables");
    private static final Set<String> REQUEST = Set.of("name", "weight", "method", "path", "url", "headers", "body", "expect", "checks", "extract",
            "write");
    private static final Set<String> STEP = Set.of("name", "method", "path", "url", "headers", "body", "expect", "checks", "extract", "write");
    private static final Set<String> WRITE = Set.of("id", "verify", "expect");
    private static final Set<String> SEQUENCE = Set.of("sequence", "weight");
    private static final Pattern ENV = Pattern.compile("(?<!\\$)\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private RequestFile() {}

    /** Reads and checks a request file; {@code target} is where the load goes, to check absolute URLs against. */
    public static RequestMix read(Path file, URI target) {
        return read(file, target, System.getenv());
    }

    /** @param env the environment {@code ${env.NAME}} reads: the process's own, or a test's */
    public static RequestMix read(Path file, URI target, Map<String, String> env) {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            if (Files.size(file) > 16 * 1024 * 1024) throw new IllegalArgumentException(where + " is larger than 16 MiB; is it the right file?");
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--requests " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlProblem.of(where, e));
        } catch (IOException e) {
            throw new IllegalArgumentException("--requests " + file + " cannot be read: " + FileProblem.of(e));
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(where + " must be a mapping with 'requests:' (and 'variables:')");
        onlyKeys(root, TOP, where);
        Map<String, Variable> variables = variables(root.path("variables"), file, where);
        JsonNode list = root.path("requests");
        if (!list.isArray() || list.isEmpty()) throw new IllegalArgumentException(where + " needs 'requests:', a list of at least one request");
        List<Sequence> sequences = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Env values = new Env(env, where);
        int n = 0;
        for (JsonNode r : list) {
            n++;
            String at = where + " request " + n;
            if (!r.isObject()) throw new IllegalArgumentException(at + " must be a mapping (name, path, ...) or a sequence:");
            try {
                if (r.has("sequence")) {
                    onlyKeys(r, SEQUENCE, at + " (a sequence)");
                    JsonNode steps = r.get("sequence");
                    if (!steps.isArray() || steps.isEmpty()) throw new IllegalArgumentException(at + ": sequence must be a list of requests");
                    List<RequestTemplate> templates = new ArrayList<>();
                    int k = 0;
                    for (JsonNode step : steps) templates.add(request(step, where + " request " + n + " step " + (++k), STEP, names, target, values));
                    sequences.add(new Sequence(templates, weight(r, at)));
                } else {
                    RequestTemplate t = request(r, at, REQUEST, names, target, values);
                    sequences.add(new Sequence(List.of(t), t.weight()));
                }
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        try {
            return new RequestMix(sequences, variables);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    /** {@code ${env.NAME}} replaced by the environment's value; an unset one is refused before any load. */
    private record Env(Map<String, String> env, String where) {
        String apply(String text, String at) {
            if (text == null || !text.contains("${env.")) return text;
            Matcher m = ENV.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = env.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException(at + " uses ${env." + m.group(1) + "}, which is not set; export " + m.group(1)
                            + "=... before the run (an empty value is written " + m.group(1) + "=)");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value.replace("${", "$${")));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private static RequestTemplate request(JsonNode r, String at, Set<String> keys, Set<String> names, URI target, Env env) {
        if (!r.isObject()) throw new IllegalArgumentException(at + " must be a mapping (name, path, ...)");
        String name = text(r, "name", at, null);
        String where = at;
        if (name != null) at = at.replaceFirst(" request \\d+( step \\d+)?$", "") + " request '" + name + "'";
        if (keys == STEP && r.has("weight")) throw new IllegalArgumentException(at + ": a request of a sequence has no weight; weigh the sequence");
        onlyKeys(r, keys, at);
        if (name == null) throw new IllegalArgumentException(at + " needs a name");
        if (!names.add(name)) throw new IllegalArgumentException(where + ": the name '" + name + "' is used twice");
        String method = text(r, "method", at, "GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) throw new IllegalArgumentException(at + ": method '" + method + "' is not one of " + METHODS);
        String path = env.apply(path(r, at, target, env), at);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = r.path("headers");
        if (!h.isMissingNode()) {
            if (!h.isObject()) throw new IllegalArgumentException(at + ": headers must be a mapping of name: value");
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) throw new IllegalArgumentException(at + ": header " + e.getKey() + " must be a single value");
                headers.put(e.getKey(), env.apply(e.getValue().asText(), at + " header " + e.getKey()));
            }
        }
        String body = env.apply(text(r, "body", at, null), at + " body");
        List<ResponseCheck> checks = new ArrayList<>();
        if (r.has("expect")) {
            JsonNode e = r.get("expect");
            if (!e.isInt() || e.asInt() < 100 || e.asInt() > 599) throw new IllegalArgumentException(at + ": expect must be an HTTP status such as 200");
            checks.add(statusCheck(null, Set.of(e.asInt())));
        }
        checks.addAll(ResponseChecks.read(r.path("checks"), at, env::apply));
        if (checks.stream().filter(c -> c.subject() == ResponseCheck.Subject.STATUS).count() > 1) {
            throw new IllegalArgumentException(at + " has more than one status check (expect: counts as one); keep one, with a list: status: [200, 201]");
        }
        Set<String> checkNames = new HashSet<>();
        for (ResponseCheck c : checks) {
            if (!checkNames.add(c.name())) throw new IllegalArgumentException(at + " has two checks named '" + c.name() + "'; name them apart");
        }
        List<Extraction> extractions = ResponseChecks.extractions(r.path("extract"), at);
        double weight = weight(r, at);
        return new RequestTemplate(name, method, path, headers, body, checks, extractions, weight, write(r.path("write"), at));
    }

    private static WriteSpec write(JsonNode w, String at) {
        if (w.isMissingNode()) return null;
        if (!w.isObject()) throw new IllegalArgumentException(at + ": write must be a mapping such as {id: $.id, verify: /items/${id}}");
        onlyKeys(w, WRITE, at + " write");
        for (String k : WRITE) {
            if (w.has(k) && !w.get(k).isTextual()) throw new IllegalArgumentException(at + ": write " + k + " must be text");
        }
        return WriteSpec.of(w.path("id").asText(null), w.path("verify").asText(null), w.path("expect").asText(null), at);
    }

    static ResponseCheck statusCheck(String name, Set<Integer> statuses) {
        ResponseCheck.Matcher m = new ResponseCheck.Matcher(ResponseCheck.Matcher.Kind.STATUSES, null, null,
                Collections.unmodifiableSet(new LinkedHashSet<>(statuses)));
        return new ResponseCheck(name != null ? name : ResponseCheck.describe(ResponseCheck.Subject.STATUS, null, m),
                ResponseCheck.Subject.STATUS, null, null, m);
    }

    private static double weight(JsonNode r, String at) {
        if (!r.has("weight")) return 1;
        JsonNode w = r.get("weight");
        if (!w.isNumber() || !(w.asDouble() > 0)) throw new IllegalArgumentException(at + ": weight must be a positive number");
        return w.asDouble();
    }

    private static String path(JsonNode r, String at, URI target, Env env) {
        boolean hasPath = r.has("path");
        boolean hasUrl = r.has("url");
        if (hasPath == hasUrl) throw new IllegalArgumentException(at + " needs either path (/...) or url (http://...), not " + (hasPath ? "both" : "neither"));
        if (hasPath) return text(r, "path", at, null);
        String url = env.apply(text(r, "url", at, null), at + " url");
        URI u;
        try {
            u = URI.create(url.replace("${", "%7B").replace("}", "%7D"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": url '" + url + "' is not a URL");
        }
        if (target != null && !(String.valueOf(u.getScheme()).equalsIgnoreCase(target.getScheme())
                && String.valueOf(u.getHost()).equalsIgnoreCase(target.getHost()) && port(u) == port(target))) {
            throw new IllegalArgumentException(at + ": url " + url + " is not on the target " + target.getScheme() + "://" + target.getRawAuthority()
                    + "; one run drives one target (use path: for the path alone)");
        }
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? "/" : url.substring(slash);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Map<String, Variable> variables(JsonNode node, Path file, String where) {
        Map<String, Variable> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) return out;
        if (!node.isObject()) throw new IllegalArgumentException(where + ": variables must be a mapping of name: {kind: {...}}");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String at = where + " variable '" + name + "'";
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException(at + ": a name is letters, digits and _");
            JsonNode spec = e.getValue();
            if (!spec.isObject() || spec.size() != 1) {
                throw new IllegalArgumentException(at + " must be exactly one of counter, uniform, zipf, csv, e.g. {uniform: {min: 1, max: 100}}");
            }
            String kind = spec.fieldNames().next();
            JsonNode args = spec.get(kind);
            if (!args.isObject()) throw new IllegalArgumentException(at + ": " + kind + " takes a mapping, e.g. {min: 1, max: 100}");
            out.put(name, switch (kind) {
                case "counter" -> {
                    onlyKeys(args, Set.of("start"), at);
                    yield new Variable.Counter(name, new AtomicLong(whole(args, "start", at, 1)));
                }
                case "uniform" -> {
                    onlyKeys(args, Set.of("min", "max"), at);
                    long[] range = range(args, at);
                    yield new Variable.Uniform(name, range[0], range[1]);
                }
                case "zipf" -> {
                    onlyKeys(args, Set.of("min", "max", "exponent"), at);
                    long[] range = range(args, at);
                    JsonNode x = args.path("exponent");
                    double exponent = x.isMissingNode() ? 1.0 : x.asDouble(-1);
                    if (!x.isMissingNode() && !x.isNumber() || !(exponent >= 0 && exponent <= 5)) {
                        throw new IllegalArgumentException(at + ": exponent must be a number from 0 to 5");
                    }
                    yield Variable.Zipf.of(name, range[0], range[1], exponent);
                }
                case "csv" -> {
                    onlyKeys(args, Set.of("file"), at);
                    String csv = text(args, "file", at, null);
                    if (csv == null) throw new IllegalArgumentException(at + " needs file: (a CSV whose first line names the columns)");
                    yield csvRows(name, file.toAbsolutePath().getParent().resolve(csv), at);
                }
                default -> throw new IllegalArgumentException(at + ": '" + kind + "' is not a kind of variable; use counter, uniform, zipf or csv");
            });
        }
        return out;
    }

    private static Variable.CsvRows csvRows(String name, Path csv, String at) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(at + ": the CSV " + csv + " " + FileProblem.of(e) + "; the path is relative to the request file");
        }
        lines.removeIf(String::isBlank);
        if (lines.size() < 2) throw new IllegalArgumentException(at + ": " + csv.getFileName() + " needs a header line and at least one row");
        List<String> columns = List.of(lines.get(0).split(",", -1)).stream().map(String::trim).toList();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(at + ": " + csv.getFileName() + " line " + (i + 1) + " has " + cells.length + " cells, the header "
                        + columns.size() + " (quoted commas are not supported)");
            }
            for (int c = 0; c < cells.length; c++) cells[c] = cells[c].trim();
            rows.add(cells);
        }
        return new Variable.CsvRows(name, columns, rows, new AtomicLong());
    }

    private static long[] range(JsonNode args, String at) {
        long min = whole(args, "min", at, Long.MIN_VALUE);
        long max = whole(args, "max", at, Long.MIN_VALUE);
        if (min == Long.MIN_VALUE || max == Long.MIN_VALUE) throw new IllegalArgumentException(at + " needs min: and max:");
        if (min > max || max == Long.MAX_VALUE) throw new IllegalArgumentException(at + ": min " + min + " must not be above max " + max);
        return new long[] {min, max};
    }

    private static long whole(JsonNode args, String key, String at, long fallback) {
        JsonNode v = args.get(key);
        if (v == null) return fallback;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new IllegalArgumentException(at + ": " + key + " must be a whole number");
        return v.asLong();
    }

    static String text(JsonNode node, String key, String at, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return fallback;
        if (!v.isValueNode()) throw new IllegalArgumentException(at + ": " + key + " must be text");
        return v.asText();
    }

    static void onlyKeys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(at + ": '" + k + "' is not a key here; use " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
