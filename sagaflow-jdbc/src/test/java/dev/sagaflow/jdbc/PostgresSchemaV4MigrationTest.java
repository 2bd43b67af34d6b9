package dev.sagaflow.jdbc;

import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

class PostgresSchemaV4MigrationTest extends SchemaV4MigrationTest {
    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    @Override
    DataSource databaseAtV3() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database.url());
        migrateToV3(source);
        return source;
    }

    @Override
    SagaStore openStore() {
        return PostgresSagaStore.connect(database.url(), 2);
    }
}
