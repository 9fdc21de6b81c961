package shouwang.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import shouwang.kit.testing.PostgresResource;

/** Rows through arrays and back: every type the services bind, nulls and awkward text, on a real PostgreSQL. */
class ArrayColumnsTest {

    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        connection = DriverManager.getConnection(PostgresResource.newDatabaseUrl("array_columns"),
                PostgresResource.user(), PostgresResource.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table person (id uuid primary key, version bigint not null, name varchar(100), "
                    + "born date, active boolean, seen_at timestamptz)");
        }
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void everyValueComesBackAsBound() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant seen = Instant.parse("2026-12-06T01:02:03.456789Z");
        try (ArrayColumns rows = ArrayColumns.of("uuid", "int8", "varchar", "varchar", "bool", "varchar");
                PreparedStatement insert = connection.prepareStatement("insert into person select * from unnest("
                        + "cast(? as uuid[]), cast(? as bigint[]), cast(? as varchar[]), cast(? as date[]), "
                        + "cast(? as boolean[]), cast(? as timestamptz[]))")) {
            rows.row(first, 3L, "王小明 \"引号\" , {} \\ NULL", LocalDate.of(1940, 2, 29), true, seen);
            rows.row(second, 1L, null, null, null, null);
            assertThat(rows.bind(insert, 1)).isEqualTo(7);
            assertThat(insert.executeUpdate()).isEqualTo(2);
        }

        try (ArrayColumns ids = ArrayColumns.column("uuid", List.of(second, first, UUID.randomUUID()));
                PreparedStatement select = connection.prepareStatement("select p.id, p.version, p.name, p.born, "
                        + "p.active, p.seen_at from person p join unnest(cast(? as uuid[])) as batch (id) "
                        + "on p.id = batch.id order by p.version desc")) {
            ids.bind(select, 1);
            List<List<Object>> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(java.util.Arrays.asList(rows.getObject(1, UUID.class), rows.getLong(2), rows.getString(3),
                            rows.getObject(4, LocalDate.class), rows.getObject(5),
                            rows.getObject(6, java.time.OffsetDateTime.class)));
                }
            }
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).containsExactly(first, 3L, "王小明 \"引号\" , {} \\ NULL", LocalDate.of(1940, 2, 29),
                    true, seen.atOffset(java.time.ZoneOffset.UTC));
            assertThat(found.get(1)).containsExactly(second, 1L, null, null, null, null);
        }
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> ArrayColumns.of("uuid", "int8").row(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 columns");
    }
}
