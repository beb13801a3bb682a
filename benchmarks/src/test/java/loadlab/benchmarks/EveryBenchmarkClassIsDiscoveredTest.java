package loadlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.BenchmarkList;

/**
 * JMH finds benchmarks only through the {@code META-INF/BenchmarkList} its annotation processor
 * writes at compile time (which javac 23+ skips unless the processor is named): every
 * {@code XxxBenchmark} class compiled here must be in it, with every one of its methods.
 */
class EveryBenchmarkClassIsDiscoveredTest {

    @Test
    void everyBenchmarkClassAndMethodIsInJmhsBenchmarkList() throws Exception {
        Path classes = Path.of("target/classes");
        Set<String> compiled = new TreeSet<>();
        try (var files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Benchmark.class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("jmh_generated")) continue;
                for (Method m : Class.forName(name).getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Benchmark.class)) compiled.add(name + "." + m.getName());
                }
            }
        }
        Set<String> listed = BenchRunner.select(".*").keySet().stream().collect(Collectors.toCollection(TreeSet::new));
        Set<String> listedMethods = new TreeSet<>();
        for (var entry : BenchmarkList.defaultList().getAll(null, List.of())) {
            listedMethods.add(entry.getUsername());
        }
        assertTrue(compiled.size() >= 10, "the scan found the suite: " + compiled);
        assertEquals(compiled, listedMethods);
        assertEquals(compiled.stream().map(m -> m.substring(0, m.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new)), listed);
    }

    @Test
    void realBackendParamsAreDeclaredWhereBackendsAreCompared() {
        var classes = BenchRunner.select("FanoutOnWrite|TimelineCache|RecordStore");
        classes.forEach((c, params) -> assertTrue(params.containsKey("backend"), c + " compares backends as a @Param"));
        assertEquals(3, classes.size());
    }

    @Test
    void jmhResultsOfSeveralRunsJoinIntoOneArray() {
        assertEquals("[\n{\"a\":1},\n{\"b\":2}\n]\n", BenchRunner.concatenate(List.of("[{\"a\":1}]", "[ ]", "[\n{\"b\":2}\n]")));
    }
}
