package loadlab.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoreLocationTest {
    @Test
    void postgresUrisBecomeJdbcUrlsWithUserAndSchema() {
        StoreLocation l = StoreLocation.parse("postgres://bob@db.local:6543/app?schema=run_1");
        assertEquals("jdbc:postgresql://db.local:6543/app?currentSchema=run_1", l.jdbcUrl());
        assertEquals("bob", l.user());
        assertEquals("run_1", l.schema());
    }

    @Test
    void theDefaultIsAPrivateEmbeddedDatabase() {
        StoreLocation a = StoreLocation.parse("h2:mem");
        assertTrue(a.embedded());
        assertTrue(!a.jdbcUrl().equals(StoreLocation.parse(null).jdbcUrl()));
    }

    @Test
    void unknownSchemesAndUnsafeSchemaNamesAreRefusedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("mysql://x/y"));
        assertTrue(e.getMessage().contains("postgres://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("postgres://h/db?schema=x;drop"));
    }
}
