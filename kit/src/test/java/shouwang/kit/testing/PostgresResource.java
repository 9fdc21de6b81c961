package shouwang.kit.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests: an embedded server (zonky binaries) started once per JVM, or an external server when
 * {@code SHOUWANG_TEST_PG_URL} (a JDBC URL to a maintenance database, e.g. {@code jdbc:postgresql://db:5432/postgres})
 * is set, with {@code SHOUWANG_TEST_PG_USER} / {@code SHOUWANG_TEST_PG_PASSWORD}. Every application start gets a
 * fresh database, so test classes never see each other's rows.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        Server server = server();
        String database = "shouwang_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        createDatabase(server, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.urlOf(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The server lives for the JVM; databases are dropped with it (embedded) or left for inspection (external).
    }

    /** A new empty database on the shared server, for tests that manage their own schema or processes. */
    public static String newDatabaseUrl(String prefix) {
        Server server = server();
        String database = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        createDatabase(server, database);
        return server.urlOf(database);
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }

    public static synchronized Server server() {
        String external = System.getenv("SHOUWANG_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new Server(external, env("SHOUWANG_TEST_PG_USER", "postgres"), env("SHOUWANG_TEST_PG_PASSWORD", "postgres"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static void createDatabase(Server server, String database) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public record Server(String url, String user, String password) {
        public String urlOf(String database) {
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?', slash);
            return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
        }
    }
}
