package dev.sagaflow.jdbc;

import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

class SqliteSchemaV4MigrationTest extends SchemaV4MigrationTest {
    @TempDir
    Path dir;

    @Override
    DataSource databaseAtV3() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("sagas.db"));
        migrateToV3(source);
        return source;
    }

    @Override
    SagaStore openStore() {
        return SqliteSagaStore.open(dir.resolve("sagas.db"));
    }
}
