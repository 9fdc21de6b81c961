package shouwang.visit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;

/** Direct reads of the service's own database, for what no endpoint shows (outbox rows, read-model versions). */
public final class TestDb {

    private TestDb() {
    }

    public static long cadreVersion(UUID id) {
        return queryLong("select coalesce(max(version), -1) from cadre where id = ?", id);
    }

    public static long orgVersion(String kind, String code) {
        return queryLong("select coalesce(max(version), -1) from org_record where kind = ? and code = ?", kind, code);
    }

    public static long queryLong(String sql, Object... params) {
        return queryLongs(sql, params).get(0);
    }

    /** The first column of every row. */
    public static java.util.List<Long> queryLongs(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            java.util.List<Long> values = new java.util.ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }
}
