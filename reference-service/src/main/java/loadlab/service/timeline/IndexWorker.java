package loadlab.service.timeline;

import java.util.ArrayList;
import java.util.List;

import loadlab.service.fault.ProcessStall;
import loadlab.service.model.Post;
import loadlab.service.model.TimelineEvent.PostPublished;
import loadlab.service.search.SearchIndex;
import loadlab.service.stream.Delivery;
import loadlab.service.stream.EventStream;
import loadlab.service.verify.ConvergenceTracker;

/** The indexing consumer: adds new posts to the search index and makes them searchable per batch. */
public final class IndexWorker extends StreamWorker {
    public static final String GROUP = "index";

    private final SearchIndex index;
    private final ConvergenceTracker tracker;

    public IndexWorker(EventStream stream, SearchIndex index, ConvergenceTracker tracker, WorkerGate gate, ProcessStall stall, DerivedDataRepair repair) {
        super("indexer", stream.subscribe(GROUP), gate, stall, repair);
        this.index = index;
        this.tracker = tracker;
    }

    @Override
    protected void apply(List<Delivery> batch) {
        List<Post> posts = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            if (d.event() instanceof PostPublished p) posts.add(p.post());
        }
        if (posts.isEmpty()) return;
        index.add(posts);
        index.refresh();
        for (Post p : posts) tracker.indexed(p.id());
    }
}
