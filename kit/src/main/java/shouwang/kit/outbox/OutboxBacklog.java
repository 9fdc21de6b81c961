package shouwang.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * What the relay still owes Kafka, for operators and for the chaos suite that must see the outbox drain from
 * outside: {@code shouwang_outbox_backlog} (unpublished rows) and {@code shouwang_outbox_oldest_age_seconds} (how
 * long the oldest of them has waited; 0 when none). Read from the table, not from the relay's memory, so rows left
 * by a killed process count too. A scrape reads at most once a second (several scrapers cost one query), and while
 * the database is unreachable both gauges are NaN rather than a stale "all clear".
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final long REFRESH_NANOS = 1_000_000_000L;
    private static final String QUERY = "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) "
            + "from outbox_event where published_at is null";

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private volatile Reading last = new Reading(Double.NaN, Double.NaN, 0);

    private record Reading(double rows, double oldestSeconds, long readAt) {
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("shouwang.outbox.backlog", this, b -> b.read().rows)
                .description("Outbox rows not yet acknowledged by Kafka").register(meters);
        Gauge.builder("shouwang.outbox.oldest.age", this, b -> b.read().oldestSeconds).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row").register(meters);
    }

    private synchronized Reading read() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading.readAt != 0 && now - reading.readAt < REFRESH_NANOS) {
            return reading;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout(2);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                reading = new Reading(rows.getLong(1), rows.getDouble(2), now);
            }
        } catch (SQLException | RuntimeException unreachable) {
            reading = new Reading(Double.NaN, Double.NaN, now);
        }
        last = reading;
        return reading;
    }
}
