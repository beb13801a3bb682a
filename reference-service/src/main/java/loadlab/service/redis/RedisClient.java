package loadlab.service.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.exceptions.JedisException;

import loadlab.service.fault.Block;
import loadlab.service.fault.BlockUnavailableException;

/**
 * A pooled Redis connection on behalf of one building block: every failure of the server or the
 * network becomes that block's {@link BlockUnavailableException}, and every key carries the prefix.
 */
public final class RedisClient implements AutoCloseable {
    private final JedisPool pool;
    private final RedisLocation location;
    private final Block block;

    public RedisClient(RedisLocation location, Block block, int maxConnections) {
        this.location = location;
        this.block = block;
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(maxConnections);
        config.setMaxIdle(maxConnections);
        this.pool = new JedisPool(config, new HostAndPort(location.host(), location.port()),
                DefaultJedisClientConfig.builder().database(location.database()).timeoutMillis(5_000)
                        .user(location.user()).password(location.password())
                        .clientName("loadlab-" + block.id()).build());
        call(Jedis::ping);
    }

    public String key(String suffix) {
        return location.prefix() + suffix;
    }

    public <T> T call(Function<Jedis, T> work) {
        try (Jedis jedis = pool.getResource()) {
            return work.apply(jedis);
        } catch (JedisException e) {
            throw new BlockUnavailableException(block, "redis " + location.host() + ":" + location.port() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every key under the prefix (or a narrower one below it). */
    public void deleteAll(String subPrefix) {
        call(jedis -> {
            ScanParams params = new ScanParams().match(location.prefix() + subPrefix + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                List<String> keys = new ArrayList<>(page.getResult());
                if (!keys.isEmpty()) jedis.unlink(keys.toArray(String[]::new));
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return null;
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
