package loadlab.service.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisDataException;

import loadlab.service.model.Post;
import loadlab.service.model.TimelineEntry;
import loadlab.service.redis.RedisClient;

/**
 * The timeline cache on Redis: a sorted set per user (score = post id, member = "id:author") beside
 * a state key that says "loading with token T" or "ready". Each step of the load protocol is one
 * Lua script, so Redis applies it atomically; fan-out pushes are pipelined.
 */
public final class RedisTimelineCache implements TimelineCache {
    private static final int PIPELINE = 1_000;

    private static final String BEGIN = """
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], 'L:' .. ARGV[1])
            return 1""";
    private static final String COMPLETE = """
            if redis.call('GET', KEYS[2]) ~= 'L:' .. ARGV[1] then return 0 end
            for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[2]) + 1))
            redis.call('SET', KEYS[2], 'R')
            return 1""";
    private static final String REPLACE = """
            redis.call('DEL', KEYS[1])
            for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
            redis.call('SET', KEYS[2], 'R')
            return 1""";
    private static final String PUSH = """
            if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
            return 1""";
    private static final String READ = """
            if redis.call('GET', KEYS[2]) ~= 'R' then return false end
            local page = redis.call('ZREVRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '-inf', 'LIMIT', 0, ARGV[2])
            return {redis.call('ZCARD', KEYS[1]), page}""";

    private final RedisClient redis;
    private final int window;
    private final Map<String, String> shas = new HashMap<>();

    public RedisTimelineCache(RedisClient redis, int window) {
        this.redis = redis;
        this.window = window;
        loadScripts();
    }

    private synchronized void loadScripts() {
        redis.call(jedis -> {
            for (String script : List.of(BEGIN, COMPLETE, REPLACE, PUSH, READ)) shas.put(script, jedis.scriptLoad(script));
            return null;
        });
    }

    private synchronized String sha(String script) {
        return shas.get(script);
    }

    private String timelineKey(long user) {
        return redis.key("tl:" + user);
    }

    private String stateKey(long user) {
        return redis.key("tls:" + user);
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public CachedPage read(long user, long before, int limit) {
        Object reply = eval(READ, List.of(timelineKey(user), stateKey(user)), List.of(Long.toString(before), Integer.toString(limit)));
        if (reply == null) return null;
        List<?> parts = (List<?>) reply;
        long cardinality = (Long) parts.get(0);
        List<TimelineEntry> entries = new ArrayList<>();
        for (Object member : (List<?>) parts.get(1)) entries.add(decode(member.toString()));
        return new CachedPage(entries, cardinality >= window);
    }

    @Override
    public long beginLoad(long user) {
        long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        eval(BEGIN, List.of(timelineKey(user), stateKey(user)), List.of(Long.toString(token)));
        return token;
    }

    @Override
    public void completeLoad(long user, long token, List<TimelineEntry> newestFirst) {
        List<String> args = new ArrayList<>(2 + 2 * newestFirst.size());
        args.add(Long.toString(token));
        args.add(Integer.toString(window));
        addPairs(args, newestFirst);
        eval(COMPLETE, List.of(timelineKey(user), stateKey(user)), args);
    }

    @Override
    public void push(long[] users, TimelineEntry entry) {
        List<String> args = List.of(Long.toString(entry.postId()), encode(entry), Integer.toString(window));
        pipelined(users.length, (pipeline, i) ->
                pipeline.evalsha(sha(PUSH), List.of(timelineKey(users[i]), stateKey(users[i])), args));
    }

    @Override
    public void invalidate(long user) {
        redis.call(jedis -> jedis.del(timelineKey(user), stateKey(user)));
    }

    @Override
    public void replace(Map<Long, List<TimelineEntry>> timelines) {
        List<Map.Entry<Long, List<TimelineEntry>>> all = new ArrayList<>(timelines.entrySet());
        pipelined(all.size(), (pipeline, i) -> {
            Map.Entry<Long, List<TimelineEntry>> e = all.get(i);
            List<String> args = new ArrayList<>(1 + 2 * e.getValue().size());
            args.add(Integer.toString(window));
            addPairs(args, e.getValue());
            pipeline.evalsha(sha(REPLACE), List.of(timelineKey(e.getKey()), stateKey(e.getKey())), args);
        });
    }

    @Override
    public Map<Long, Post> posts(Collection<Long> ids) {
        Map<Long, Post> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        List<Long> order = new ArrayList<>(ids);
        List<String> values = redis.call(jedis -> jedis.mget(order.stream().map(id -> redis.key("p:" + id)).toArray(String[]::new)));
        for (int i = 0; i < order.size(); i++) {
            String v = values.get(i);
            if (v == null) continue;
            String[] parts = v.split("\n", 3);
            found.put(order.get(i), new Post(order.get(i), Long.parseLong(parts[0]), parts[2], Long.parseLong(parts[1])));
        }
        return found;
    }

    @Override
    public void putPosts(Collection<Post> posts) {
        List<Post> all = new ArrayList<>(posts);
        pipelined(all.size(), (pipeline, i) -> {
            Post p = all.get(i);
            pipeline.set(redis.key("p:" + p.id()), p.author() + "\n" + p.createdMicros() + "\n" + p.text());
        });
    }

    @Override
    public void clear() {
        redis.deleteAll("tl");
        redis.deleteAll("p:");
    }

    @Override
    public void close() {
        redis.close();
    }

    // ---- plumbing

    private interface PipelineStep {
        void add(Pipeline pipeline, int index);
    }

    private void pipelined(int count, PipelineStep step) {
        retryingOnNoScript(() -> redis.call(jedis -> {
            for (int from = 0; from < count; from += PIPELINE) {
                try (Pipeline pipeline = jedis.pipelined()) {
                    for (int i = from; i < Math.min(count, from + PIPELINE); i++) step.add(pipeline, i);
                    for (Object reply : pipeline.syncAndReturnAll()) {
                        if (reply instanceof JedisDataException failed) throw failed;
                    }
                }
            }
            return null;
        }));
    }

    private Object eval(String script, List<String> keys, List<String> args) {
        return retryingOnNoScript(() -> redis.call((Jedis jedis) -> jedis.evalsha(sha(script), keys, args)));
    }

    /** Redis forgets scripts when it restarts; load them again once and retry. */
    private <T> T retryingOnNoScript(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!mentionsNoScript(e)) throw e;
            loadScripts();
            return work.get();
        }
    }

    private static boolean mentionsNoScript(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof JedisDataException && String.valueOf(t.getMessage()).startsWith("NOSCRIPT")) return true;
        }
        return false;
    }

    private static void addPairs(List<String> args, List<TimelineEntry> entries) {
        for (TimelineEntry e : entries) {
            args.add(Long.toString(e.postId()));
            args.add(encode(e));
        }
    }

    private static String encode(TimelineEntry e) {
        return e.postId() + ":" + e.author();
    }

    private static TimelineEntry decode(String member) {
        int colon = member.indexOf(':');
        return new TimelineEntry(Long.parseLong(member.substring(0, colon)), Long.parseLong(member.substring(colon + 1)));
    }
}
