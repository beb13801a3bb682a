package loadlab.service.stream;

import loadlab.service.model.TimelineEvent;

/** An event as one consumer group received it; the id is what acknowledging refers to. */
public record Delivery(String id, TimelineEvent event) {}
