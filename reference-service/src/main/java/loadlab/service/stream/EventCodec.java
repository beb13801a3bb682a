package loadlab.service.stream;

import java.util.HashMap;
import java.util.Map;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEvent;
import loadlab.service.model.TimelineEvent.FollowChanged;
import loadlab.service.model.TimelineEvent.PostPublished;

/** Events as flat string maps, the shape a Redis Streams entry has. */
final class EventCodec {
    private EventCodec() {}

    static Map<String, String> encode(TimelineEvent event) {
        Map<String, String> f = new HashMap<>();
        f.put("ack", Long.toString(event.acknowledgedMicros()));
        if (event instanceof PostPublished p) {
            f.put("type", "post");
            f.put("id", Long.toString(p.post().id()));
            f.put("author", Long.toString(p.post().author()));
            f.put("created", Long.toString(p.post().createdMicros()));
            f.put("text", p.post().text());
        } else if (event instanceof FollowChanged c) {
            f.put("type", c.following() ? "follow" : "unfollow");
            f.put("follower", Long.toString(c.follower()));
            f.put("followee", Long.toString(c.followee()));
        }
        return f;
    }

    static TimelineEvent decode(Map<String, String> f) {
        long ack = Long.parseLong(f.get("ack"));
        String type = f.get("type");
        if ("post".equals(type)) {
            return new PostPublished(new Post(Long.parseLong(f.get("id")), Long.parseLong(f.get("author")), f.get("text"),
                    Long.parseLong(f.get("created"))), ack);
        }
        if ("follow".equals(type) || "unfollow".equals(type)) {
            return new FollowChanged(Long.parseLong(f.get("follower")), Long.parseLong(f.get("followee")), "follow".equals(type), ack);
        }
        throw new IllegalArgumentException("unknown event type '" + type + "'");
    }
}
