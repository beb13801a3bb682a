package loadlab.service.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import loadlab.service.RootCause;
import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.model.TimelineEvent;
import loadlab.service.redis.RedisClient;

/**
 * The stream on Redis Streams: one stream per consumer group (appended to in one MULTI, so a
 * publish reaches all or none), read with a consumer group so unacknowledged entries survive a
 * restart; acknowledged entries are deleted, which keeps the stream's length equal to the backlog.
 */
public final class RedisEventStream implements EventStream {
    private static final String GROUP = "workers";
    private static final String CONSUMER = "worker-1";

    private final RedisClient redis;
    private final List<String> groups;
    private final AtomicLong resets = new AtomicLong();

    public RedisEventStream(RedisClient redis, List<String> groups) {
        this.redis = redis;
        this.groups = List.copyOf(groups);
        createGroups();
    }

    /** Creates every group that is missing (with its stream), reading from the start of what the stream holds now. */
    private void createGroups() {
        for (String group : groups) {
            redis.call(jedis -> {
                try {
                    return jedis.xgroupCreate(streamKey(group), GROUP, new StreamEntryID(0, 0), true);
                } catch (JedisDataException e) {
                    if (String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) return "exists";
                    throw e;
                }
            });
        }
    }

    /**
     * Runs a call of a subscription; when Redis says the group is gone, recreates the groups and
     * reports the reset once to each subscription (those that had not seen it yet report it on
     * their next call).
     */
    private <T> T guarded(long[] seen, Supplier<T> call) {
        long now = resets.get();
        if (seen[0] < now) {
            seen[0] = now;
            throw new StreamResetException(now, "the stream was reset; events it held may be lost");
        }
        try {
            return call.get();
        } catch (BlockUnavailableException e) {
            if (!mentionsNoGroup(e)) throw e;
            synchronized (this) {
                createGroups();
                if (seen[0] == resets.get()) resets.incrementAndGet();
                seen[0] = resets.get();
            }
            throw new StreamResetException(seen[0], "the stream came back without its consumer groups (" + RootCause.message(e)
                    + "); they are created again, and events it held before are lost");
        }
    }

    private static boolean mentionsNoGroup(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof JedisDataException && String.valueOf(t.getMessage()).startsWith("NOGROUP")) return true;
        }
        return false;
    }

    private String streamKey(String group) {
        return redis.key("events:" + group);
    }

    @Override
    public void publish(TimelineEvent event) {
        Map<String, String> fields = EventCodec.encode(event);
        redis.call(jedis -> {
            Transaction tx = jedis.multi();
            for (String group : groups) tx.xadd(streamKey(group), StreamEntryID.NEW_ENTRY, fields);
            return tx.exec();
        });
    }

    @Override
    public Subscription subscribe(String group) {
        if (!groups.contains(group)) throw new IllegalArgumentException("no consumer group '" + group + "'; known: " + groups);
        String key = streamKey(group);
        return new Subscription() {
            private boolean pendingChecked;
            private final long[] seen = {resets.get()};

            @Override
            public List<Delivery> poll(int max, Duration wait) {
                return guarded(seen, () -> {
                    if (!pendingChecked) {
                        List<Delivery> pending = read(key, max, new StreamEntryID(0, 0), 0);
                        if (!pending.isEmpty()) return pending;
                        pendingChecked = true;
                    }
                    return read(key, max, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, (int) Math.max(1, wait.toMillis()));
                });
            }

            @Override
            public void ack(List<Delivery> done) {
                if (done.isEmpty()) return;
                StreamEntryID[] ids = done.stream().map(d -> new StreamEntryID(d.id())).toArray(StreamEntryID[]::new);
                guarded(seen, () -> redis.call(jedis -> {
                    long acked = jedis.xack(key, GROUP, ids);
                    if (acked < ids.length && !jedis.exists(key)) throw new JedisDataException("NOGROUP the stream " + key + " is gone");
                    return jedis.xdel(key, ids);
                }));
            }

            @Override
            public long backlog() {
                return redis.call(jedis -> jedis.xlen(key));
            }
        };
    }

    private List<Delivery> read(String key, int max, StreamEntryID from, int blockMillis) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(max);
        if (blockMillis > 0) params.block(blockMillis);
        List<Map.Entry<String, List<StreamEntry>>> reply = redis.call(jedis -> jedis.xreadGroup(GROUP, CONSUMER, params, Map.of(key, from)));
        List<Delivery> out = new ArrayList<>();
        if (reply == null) return out;
        for (Map.Entry<String, List<StreamEntry>> stream : reply) {
            for (StreamEntry entry : stream.getValue()) {
                if (entry.getFields() == null) continue; // deleted while pending
                out.add(new Delivery(entry.getID().toString(), EventCodec.decode(entry.getFields())));
            }
        }
        return out;
    }

    @Override
    public void close() {
        redis.close();
    }
}
