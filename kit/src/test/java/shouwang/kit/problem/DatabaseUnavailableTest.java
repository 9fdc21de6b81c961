package shouwang.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * A request that fails because the database is out of reach (ChaosIT's PostgreSQL cut) is a 503 the caller may retry,
 * not a 500 "unhandled error" with a stack trace; a real fault stays a 500.
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedDatabaseConnectionIsServiceUnavailableWithRetryAfter() {
        Response response = mappers.unexpected(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException())), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("127.0.0.1");
    }

    @Test
    void aBrokenConnectionMidStatementIsServiceUnavailableToo() {
        Response response = mappers.unexpected(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend", "08006")), null);

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsStillAnInternalError() {
        Response response = mappers.unexpected(new IllegalStateException("a bug"), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
