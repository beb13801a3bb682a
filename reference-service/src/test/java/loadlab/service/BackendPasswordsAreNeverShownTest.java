package loadlab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import loadlab.service.redis.RedisLocation;
import loadlab.service.store.StoreLocation;

/** A password in a backend location is used to connect and shown to no one. */
class BackendPasswordsAreNeverShownTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres://app:s3cret@db:5432/x?schema=y | postgres://app:***@db:5432/x?schema=y",
            "redis://:s3cret@127.0.0.1:6379/0         | redis://:***@127.0.0.1:6379/0",
            "redis://default:p@ss:w0rd@host:1         | redis://default:***@host:1",
            "postgres://app@db/x                      | postgres://app@db/x",
            "h2:file:/tmp/a:b@c                       | h2:file:/tmp/a:b@c",
            "caffeine                                 | caffeine"})
    void isMasked(String location, String shown) {
        assertEquals(shown, Redaction.location(location));
    }

    @Test
    void theStoreUsesThePasswordAndHidesIt() {
        StoreLocation store = StoreLocation.parse("postgres://app:s3cret@127.0.0.1:5432/test");
        assertEquals("app", store.user());
        assertEquals("s3cret", store.password());
        assertFalse(store.toString().contains("s3cret"), store.toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("postgres://app:s3cret@[bad/x"));
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
    }

    @Test
    void redisUsesThePasswordAndHidesIt() {
        RedisLocation redis = RedisLocation.parse("--cache", "redis://:s3cret@127.0.0.1:6379/0");
        assertEquals("s3cret", redis.password());
        assertFalse(redis.toString().contains("s3cret"), redis.toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse("--cache", "redis://:s3cret@h/x"));
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
    }
}
