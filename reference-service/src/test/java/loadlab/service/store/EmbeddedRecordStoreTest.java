package loadlab.service.store;

/** The contract on the embedded H2 database. */
class EmbeddedRecordStoreTest extends RecordStoreContract {
    @Override
    protected RecordStore open() {
        return new JdbcRecordStore(StoreLocation.parse("h2:mem"), 4);
    }
}
