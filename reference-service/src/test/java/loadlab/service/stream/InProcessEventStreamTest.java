package loadlab.service.stream;

import java.util.List;

/** The contract on the embedded in-process stream. */
class InProcessEventStreamTest extends EventStreamContract {
    @Override
    protected EventStream open(List<String> groups) {
        return new InProcessEventStream(groups);
    }
}
