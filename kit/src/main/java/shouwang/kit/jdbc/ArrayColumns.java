package shouwang.kit.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A batch of rows bound as one array parameter per column, for a statement that turns them back into rows with
 * {@code unnest(cast(? as uuid[]), cast(? as bigint[]), …)}: a batch of any size is one statement with a fixed number
 * of parameters, so one plan and one round trip, where a multi-row {@code VALUES} would be a statement per batch size
 * and a JDBC batch a bind per row.
 * <p>
 * Ids to look up go the same way, joined as rows ({@code join unnest(cast(? as uuid[])) as batch (id) on t.id =
 * batch.id}) rather than {@code t.id = any(?)}: the join probes the primary key whatever the table's statistics say,
 * while {@code any} of an array kept the generic plan PostgreSQL chose while the table was young, a sequential scan
 * (41 ms per batch of a bulk load at 100,000 rows, 20 s of the database's time in one import: docs/performance.md).
 * <p>
 * Column types are PostgreSQL's names ({@code uuid}, {@code int8}, {@code varchar}, {@code text}, {@code bool}).
 * Dates and instants are bound as ISO 8601 text (the driver has no arrays of {@code java.time}): the statement casts
 * them ({@code cast(? as timestamptz[])}). Closing frees the arrays bound.
 *
 * <pre>{@code
 * ArrayColumns rows = ArrayColumns.of("uuid", "int8");
 * cadres.forEach(c -> rows.row(c.id, c.version));
 * rows.executeUpdate(connection, "insert into t (id, version) select * from unnest(cast(? as uuid[]), cast(? as bigint[]))");
 * }</pre>
 */
public final class ArrayColumns implements AutoCloseable {

    private final String[] types;
    private final List<List<Object>> columns = new ArrayList<>();
    private final List<Array> bound = new ArrayList<>();

    private ArrayColumns(String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("rows need at least one column");
        }
        this.types = types.clone();
        for (int i = 0; i < types.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    public static ArrayColumns of(String... types) {
        return new ArrayColumns(types);
    }

    /** One column of these values, e.g. the ids of a batch to look up. */
    public static ArrayColumns column(String type, Collection<?> values) {
        ArrayColumns column = new ArrayColumns(type);
        values.forEach(column::row);
        return column;
    }

    /** Appends one row; its values in the order of the columns. */
    public ArrayColumns row(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + types.length
                    + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            columns.get(i).add(value instanceof TemporalAccessor ? value.toString() : value);
        }
        return this;
    }

    /** Sets each column as one array parameter, at {@code first}, {@code first + 1}, …; the index after the last. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (int c = 0; c < types.length; c++) {
            Array array = statement.getConnection().createArrayOf(types[c], columns.get(c).toArray());
            bound.add(array);
            statement.setArray(index++, array);
        }
        return index;
    }

    /**
     * Prepares {@code sql} on the connection (within its transaction), binds the columns as its parameters from the
     * first, executes it and frees the arrays; the update count.
     */
    public int executeUpdate(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1);
            return statement.executeUpdate();
        } finally {
            close();
        }
    }

    @Override
    public void close() throws SQLException {
        for (Array array : bound) {
            array.free();
        }
        bound.clear();
    }
}
