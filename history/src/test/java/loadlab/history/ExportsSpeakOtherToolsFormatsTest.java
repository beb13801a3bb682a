package loadlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import loadlab.recording.RunState;

/**
 * Exports write exactly what each tool reads: Otava's CSV a row per counted run in commit order and
 * a column per series and metric; Bencher's BMF and github-action-benchmark's custom entries one
 * run's points, with their intervals, the latter of one direction only.
 */
class ExportsSpeakOtherToolsFormatsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static HistoryPoint p(String run, int hour, String series, String metric, double v, Double low, Double high, boolean higherIsWorse,
                                  RunState state) {
        return new HistoryPoint("ci", series, metric, v, low, high, "c" + hour, "main", T0.plusSeconds(3600L * hour), run, state, higherIsWorse);
    }

    private static final List<HistoryPoint> POINTS = List.of(
            p("r2", 2, "load:get/*", "p99", 1200, null, null, true, RunState.COMPLETE),
            p("r2", 2, "load:get/*", "throughput", 99.5, null, null, false, RunState.COMPLETE),
            p("r1", 1, "load:get/*", "p99", 1000, null, null, true, RunState.COMPLETE),
            p("r1", 1, "bench:X.y {n=1, m=2}", "score", 5.25, 5.0, 5.5, true, RunState.COMPLETE),
            p("r0", 0, "load:get/*", "p99", 9999, null, null, true, RunState.INTERRUPTED));

    @Test
    void otavasCsvHasARowPerCountedRunAndAColumnPerSeriesAndMetric() {
        assertEquals("""
                time,commit,ci load:get/* p99,"ci bench:X.y {n=1, m=2} score",ci load:get/* throughput
                2026-12-01T11:00:00Z,c1,1000,5.25,
                2026-12-01T12:00:00Z,c2,1200,,99.5
                """, HistoryExport.otavaCsv(POINTS));
    }

    @Test
    void bencherGetsTheNewestRunWithItsIntervals() {
        assertEquals(Map.of("load:get/*", Map.of("p99", Map.of("value", 1200.0), "throughput", Map.of("value", 99.5))),
                HistoryExport.bencher(HistoryExport.newestRun(POINTS)));
        List<HistoryPoint> r1 = POINTS.stream().filter(x -> x.runId().equals("r1")).toList();
        assertEquals(Map.of("value", 5.25, "lower_value", 5.0, "upper_value", 5.5), HistoryExport.bencher(r1).get("bench:X.y {n=1, m=2}").get("score"));
    }

    @Test
    void githubActionBenchmarkTakesOneDirectionAtATime() {
        List<HistoryPoint> r2 = HistoryExport.newestRun(POINTS);
        List<Map<String, Object>> smaller = HistoryExport.githubActionBenchmark(r2, false);
        assertEquals(1, smaller.size());
        assertEquals("load:get/* p99", smaller.get(0).get("name"));
        assertEquals("us", smaller.get(0).get("unit"));
        assertEquals("testbed ci; commit c2; run r2", smaller.get(0).get("extra"));
        List<Map<String, Object>> bigger = HistoryExport.githubActionBenchmark(r2, true);
        assertEquals(List.of("load:get/* throughput"), bigger.stream().map(e -> e.get("name")).toList());
        assertEquals("± 0.25", HistoryExport.githubActionBenchmark(POINTS.stream().filter(x -> x.runId().equals("r1")).toList(), false).get(1).get("range"));
    }

    @Test
    void anUnknownFormatIsOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryExport.Format.parse("csv"));
        assertEquals("--format 'csv' is not one of otava-csv, bencher-json, github-action-benchmark", e.getMessage());
    }
}
