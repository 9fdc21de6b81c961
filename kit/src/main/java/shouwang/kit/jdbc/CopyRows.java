package shouwang.kit.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one PostgreSQL {@code COPY table (columns) FROM STDIN}, the bulk path of imports: the rows go to the server
 * in one stream, without a statement, bind or round trip per row. Row triggers, statement triggers (with their
 * transition tables), defaults and constraints apply as for an INSERT. Values are written in COPY's text format:
 * {@code null} as {@code \N}, booleans as {@code t}/{@code f}, dates and instants in ISO 8601, everything else by
 * {@code toString()}, with backslash, tab, newline and carriage return escaped.
 *
 * <pre>{@code
 * CopyRows.into("outbox_event", "id", "topic").row(id, "cadre-profiles").writeTo(connection);
 * }</pre>
 */
public final class CopyRows {

    /** Bytes handed to the driver at a time: big enough to fill its buffer, small enough to stream. */
    private static final int FLUSH_AT = 64 * 1024;

    private final String sql;
    private final int width;
    private final StringBuilder text = new StringBuilder(FLUSH_AT);
    private int rows;

    private CopyRows(String table, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("COPY into " + table + " needs at least one column");
        }
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        this.width = columns.length;
    }

    public static CopyRows into(String table, String... columns) {
        return new CopyRows(table, columns);
    }

    /** Appends one row; its values in the order of the columns. */
    public CopyRows row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + width + " columns: "
                    + sql);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /**
     * Sends the rows on the connection (within its transaction) and returns how many the server took. Nothing is
     * sent for no rows.
     */
    public long writeTo(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            for (int offset = 0; offset < bytes.length; offset += FLUSH_AT) {
                copy.writeToCopy(bytes, offset, Math.min(FLUSH_AT, bytes.length - offset));
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void append(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof Number || value instanceof UUID) {
            // no character of these needs escaping
            text.append(value);
        } else if (value instanceof TemporalAccessor) {
            // ISO 8601, which PostgreSQL reads for date and timestamptz columns
            text.append(value);
        } else {
            escape(value.toString());
        }
    }

    private void escape(String value) {
        if (!needsEscape(value)) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
