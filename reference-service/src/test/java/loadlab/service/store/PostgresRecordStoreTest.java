package loadlab.service.store;

import loadlab.service.support.RealBackends;

/** The contract on this machine's PostgreSQL, in a schema of its own. */
class PostgresRecordStoreTest extends RecordStoreContract {
    private String schema;

    @Override
    protected RecordStore open() {
        schema = RealBackends.uniqueName("loadlab_test");
        return new JdbcRecordStore(StoreLocation.parse(RealBackends.postgres(schema)), 4);
    }

    @Override
    protected void cleanup() {
        RealBackends.dropSchema(schema);
    }
}
