package loadlab.service.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;
import loadlab.service.fault.Block;
import loadlab.service.fault.BlockFault;
import loadlab.service.model.TimelineEntry;
import loadlab.service.seed.SeedSpec;
import loadlab.service.verify.VerificationReport;

/**
 * What the service as a whole promises, whatever backends it runs on: every strategy returns the
 * timelines the system of record implies once fan-out has caught up; the batch rebuild reproduces
 * the incrementally maintained state; an acknowledged post survives an outage of the stream.
 */
abstract class ReferenceServiceContract {
    static final int WINDOW = 6;
    static final int CELEBRITY_THRESHOLD = 2;
    static final Duration CONVERGENCE = Duration.ofSeconds(60);

    private final List<ReferenceService> started = new ArrayList<>();

    /** Points a configuration at fresh, isolated backends of the kind under test. */
    protected abstract ServiceConfig withFreshBackends(ServiceConfig config);

    protected void cleanup() {}

    protected ReferenceService start(TimelineStrategy strategy) throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withPort(0)
                .withSeed(new SeedSpec(0, 1, 1.0, 0, 1))
                .withStrategy(strategy, CELEBRITY_THRESHOLD)
                .withTimelineWindow(WINDOW);
        ReferenceService service = ReferenceService.start(withFreshBackends(config));
        started.add(service);
        return service;
    }

    @AfterEach
    void stopAll() {
        started.forEach(ReferenceService::close);
        cleanup();
    }

    static List<Long> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::postId).toList();
    }

    /** The whole timeline read page by page, as a scrolling client would. */
    static List<Long> scrolled(ReadPath reads, long user, int pageSize) {
        List<Long> all = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<TimelineEntry> page = reads.home(user, before, pageSize);
            all.addAll(ids(page));
            if (page.size() < pageSize) return all;
            before = page.get(page.size() - 1).postId();
        }
    }

    @ParameterizedTest(name = "random history {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyStrategyReturnsTheTimelinesTheSystemOfRecordImplies(long seed) throws Exception {
        RandomWorkload workload = new RandomWorkload(seed, 10, 160);
        for (TimelineStrategy strategy : TimelineStrategy.values()) {
            ReferenceService service = start(strategy);
            Map<Long, List<Long>> expected = workload.applyTo(service.writes());
            assertTrue(service.awaitConverged(CONVERGENCE), "fan-out caught up");
            for (long user = 1; user <= workload.users; user++) {
                List<Long> want = expected.get(user);
                assertEquals(want.subList(0, Math.min(5, want.size())), ids(service.reads().home(user, Long.MAX_VALUE, 5)),
                        strategy + " first page of user " + user);
                assertEquals(want, scrolled(service.reads(), user, 4), strategy + " whole timeline of user " + user);
                assertEquals(want, ids(service.reads().home(user, Long.MAX_VALUE, 200)), strategy + " one big page of user " + user);
            }
        }
    }

    @Test
    void theBatchRebuildReproducesTheIncrementallyMaintainedState() throws Exception {
        ReferenceService service = start(TimelineStrategy.HYBRID);
        RandomWorkload workload = new RandomWorkload(9, 10, 200);
        workload.applyTo(service.writes());
        assertTrue(service.awaitConverged(CONVERGENCE));
        Map<String, Object> incremental = snapshot(service, workload.users);

        TimelineRebuild.Report report = service.rebuild().run();
        assertTrue(service.awaitConverged(CONVERGENCE));
        assertEquals(incremental, snapshot(service, workload.users));
        assertTrue(report.timelineEntries() > 0);
        for (long user = 1; user <= workload.users; user++) {
            if (!service.blocks().store().homeTimeline(user, Long.MAX_VALUE, 1).isEmpty()) {
                assertNotNull(service.blocks().cache().read(user, Long.MAX_VALUE, 1), "the rebuild built user " + user + "'s cached timeline");
            }
        }
    }

    private static Map<String, Object> snapshot(ReferenceService service, int users) {
        Map<String, Object> state = new HashMap<>();
        for (long user = 1; user <= users; user++) state.put("timeline " + user, scrolled(service.reads(), user, 3));
        for (String word : RandomWorkload.WORDS) state.put("search " + word, service.blocks().index().search(word, 500));
        state.put("indexed", service.blocks().index().size());
        return state;
    }

    @Test
    void anAcknowledgedPostSurvivesAnOutageOfTheStream() throws Exception {
        ReferenceService service = start(TimelineStrategy.FANOUT_ON_WRITE);
        long author = service.writes().createUser("author").id();
        long reader = service.writes().createUser("reader").id();
        service.writes().follow(reader, author);
        assertTrue(service.awaitConverged(CONVERGENCE));

        service.faults().set(Block.STREAM, BlockFault.outage());
        long postId = service.writes().post(author, "written while the stream is down").id();
        VerificationReport during = verify(service);
        assertFalse(during.converged(), "the derived data cannot have caught up while the stream is down");
        assertTrue(during.pendingEvents() > 0);
        assertTrue(during.missingFromStore().isEmpty(), "acknowledged means durable in the system of record");

        service.faults().clear(Block.STREAM);
        assertTrue(service.awaitConverged(CONVERGENCE));
        VerificationReport after = verify(service);
        assertTrue(after.converged(), after.toString());
        assertEquals(List.of(postId), ids(service.reads().home(reader, Long.MAX_VALUE, 10)));
        assertEquals(List.of(postId), service.blocks().index().search("stream", 10));
    }

    private static VerificationReport verify(ReferenceService service) {
        return service.verifier().verify(-1);
    }
}
