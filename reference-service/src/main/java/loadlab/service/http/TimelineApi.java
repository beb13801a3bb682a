package loadlab.service.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;
import loadlab.service.model.User;
import loadlab.service.search.SearchIndex;
import loadlab.service.store.RecordStore;
import loadlab.service.timeline.ReadPath;
import loadlab.service.timeline.WritePath;

/** The public endpoints: users, follows, posts, home timelines, search, health, metrics. */
public final class TimelineApi {
    static final int MAX_LIMIT = 200;
    static final int MAX_TEXT = 1_000;
    static final int MAX_NAME = 64;

    private final ReadPath reads;
    private final WritePath writes;
    private final RecordStore store;
    private final SearchIndex index;
    private final Supplier<Map<String, Object>> health;
    private final Supplier<String> metrics;

    public TimelineApi(ReadPath reads, WritePath writes, RecordStore store, SearchIndex index,
                       Supplier<Map<String, Object>> health, Supplier<String> metrics) {
        this.reads = reads;
        this.writes = writes;
        this.store = store;
        this.index = index;
        this.health = health;
        this.metrics = metrics;
    }

    /** A post on the wire. */
    public record PostView(long id, long author, String text, long createdUs) {
        static PostView of(Post p) {
            return new PostView(p.id(), p.author(), p.text(), p.createdMicros());
        }
    }

    /** A page of posts, newest first; pass {@code nextBefore} as {@code before} for the next page. */
    public record Page(long user, List<PostView> posts, Long nextBefore) {}

    public void register(Router router) {
        router.add("POST", "/users", this::createUser)
                .add("GET", "/users/{id}", this::user)
                .add("PUT", "/users/{id}/following/{followee}", (r, p) -> follow(p, true))
                .add("GET", "/users/{id}/following/{followee}", this::following)
                .add("DELETE", "/users/{id}/following/{followee}", (r, p) -> follow(p, false))
                .add("POST", "/users/{id}/posts", this::post)
                .add("GET", "/users/{id}/posts", this::userPosts)
                .add("GET", "/users/{id}/timeline", this::timeline)
                .add("GET", "/posts/{id}", this::postById)
                .add("GET", "/search", this::search)
                .add("GET", "/health", (r, p) -> ApiResponse.json(200, health.get()))
                .add("GET", "/metrics", (r, p) -> ApiResponse.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    }

    private ApiResponse createUser(ApiRequest request, PathParams params) {
        String name = Json.text(Json.object(request.body(), Set.of("name")), "name", MAX_NAME);
        User user = writes.createUser(name);
        return ApiResponse.json(201, Map.of("id", user.id(), "name", user.name()));
    }

    private ApiResponse user(ApiRequest request, PathParams params) {
        User user = writes.requireUser(params.id("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id());
        body.put("name", user.name());
        body.put("followers", store.followerCount(user.id()));
        body.put("following", store.followees(user.id()).length);
        return ApiResponse.json(200, body);
    }

    private ApiResponse follow(PathParams params, boolean following) {
        long follower = params.id("id");
        long followee = params.id("followee");
        if (follower == followee) throw ApiException.badRequest("a user cannot follow themselves");
        boolean changed = following ? writes.follow(follower, followee) : writes.unfollow(follower, followee);
        return ApiResponse.json(200, Map.of("follower", follower, "followee", followee, "following", following, "changed", changed));
    }

    /** Whether one user follows another, from the system of record: 200 while the follow holds, 404 when it does not. */
    private ApiResponse following(ApiRequest request, PathParams params) {
        long follower = params.id("id");
        long followee = params.id("followee");
        for (long f : store.followees(follower)) {
            if (f == followee) return ApiResponse.json(200, Map.of("follower", follower, "followee", followee, "following", true));
        }
        writes.requireUser(follower);
        throw new ApiException(404, "user " + follower + " does not follow " + followee);
    }

    private ApiResponse post(ApiRequest request, PathParams params) {
        long author = params.id("id");
        String text = Json.text(Json.object(request.body(), Set.of("text")), "text", MAX_TEXT);
        return ApiResponse.json(201, PostView.of(writes.post(author, text)));
    }

    /** One post from the system of record: what a client reads back to see that its acknowledged write is there. */
    private ApiResponse postById(ApiRequest request, PathParams params) {
        long id = params.id("id");
        Post post = store.posts(List.of(id)).get(id);
        if (post == null) throw new ApiException(404, "there is no post " + id);
        return ApiResponse.json(200, PostView.of(post));
    }

    private ApiResponse userPosts(ApiRequest request, PathParams params) {
        long user = params.id("id");
        int limit = limit(request);
        List<TimelineEntry> entries = store.postsByAuthor(user, before(request), limit);
        if (entries.isEmpty()) writes.requireUser(user);
        return ApiResponse.json(200, page(user, entries, limit));
    }

    private ApiResponse timeline(ApiRequest request, PathParams params) {
        long user = params.id("id");
        int limit = limit(request);
        List<TimelineEntry> entries = reads.home(user, before(request), limit);
        if (entries.isEmpty()) writes.requireUser(user);
        return ApiResponse.json(200, page(user, entries, limit));
    }

    private ApiResponse search(ApiRequest request, PathParams params) {
        String q = request.query().get("q");
        if (q == null || q.isBlank()) throw ApiException.badRequest("search needs a query: /search?q=words");
        if (q.length() > 200) throw ApiException.badRequest("the search query must be at most 200 characters");
        int limit = limit(request);
        List<TimelineEntry> entries = new ArrayList<>();
        for (long id : index.search(q, limit)) entries.add(new TimelineEntry(id, 0));
        List<PostView> posts = reads.hydrate(entries).stream().map(PostView::of).toList();
        return ApiResponse.json(200, Map.of("query", q, "posts", posts));
    }

    private Page page(long user, List<TimelineEntry> entries, int limit) {
        List<PostView> posts = reads.hydrate(entries).stream().map(PostView::of).toList();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).postId() : null;
        return new Page(user, posts, next);
    }

    static int limit(ApiRequest request) {
        String text = request.query().get("limit");
        if (text == null) return 20;
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit '" + text + "' must be an integer from 1 to " + MAX_LIMIT);
    }

    static long before(ApiRequest request) {
        String text = request.query().get("before");
        return text == null ? Long.MAX_VALUE : PathParams.positiveLong("before", text);
    }
}
