package loadlab.service.store;

import loadlab.service.support.RealBackends;
import loadlab.testkit.EndToEnd;

/** The contract on this machine's PostgreSQL, in a schema of its own. */
@EndToEnd
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
