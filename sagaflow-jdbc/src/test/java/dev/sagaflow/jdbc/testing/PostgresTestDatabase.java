package dev.sagaflow.jdbc.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test class on the machine's PostgreSQL, dropped after. The server
 * is {@code SAGAFLOW_TEST_PG} (a JDBC URL of a database to connect to for CREATE DATABASE), by
 * default {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. When the server is not
 * there, the test fails under {@code CI=true} and is skipped, saying why, elsewhere.
 *
 * <p>As a JUnit extension it makes the database before the class's tests and drops it after:
 * {@code @RegisterExtension static final PostgresTestDatabase database = PostgresTestDatabase.perClass();}
 */
public final class PostgresTestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final String ADMIN_URL = System.getenv().getOrDefault("SAGAFLOW_TEST_PG",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private final String name;
    private final String url;

    private PostgresTestDatabase(String name) {
        this.name = name;
        int query = ADMIN_URL.indexOf('?');
        String base = query < 0 ? ADMIN_URL : ADMIN_URL.substring(0, query);
        String params = query < 0 ? "" : ADMIN_URL.substring(query);
        this.url = base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    /** A database made now; the caller closes it, which drops it. */
    public static PostgresTestDatabase create() {
        PostgresTestDatabase database = perClass();
        database.createDatabase();
        return database;
    }

    /** A database made before the tests of the class that registers it, and dropped after them. */
    public static PostgresTestDatabase perClass() {
        return new PostgresTestDatabase("sagaflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void createDatabase() {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + ADMIN_URL + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + "; CI must have it (.ci/run starts it)");
            }
            Assumptions.abort(why + "; skipping. Start it, or set SAGAFLOW_TEST_PG to a JDBC URL of one.");
        }
    }

    /** JDBC URL of this database, user included. */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    /** Runs SQL on this database as the admin user. */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Drops every connection to this database, as a failover or a DBA would. */
    public int terminateConnections() {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement s = admin.createStatement();
             var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_terminate_backend: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
