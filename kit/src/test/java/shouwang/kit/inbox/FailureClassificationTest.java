package shouwang.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which failures are waited out (the database, not the record) and which end in the DLQ after a few tries. */
class FailureClassificationTest {

    @Test
    void aLostDatabaseConnectionIsWaitedOut() {
        RuntimeException wrapped = new RuntimeException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(EventReceiver.isInfrastructureFailure(wrapped)).isTrue();
        assertThat(EventReceiver.isInfrastructureFailure(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void deadlocksSerializationConflictsAndServerShutdownAreWaitedOut() {
        assertThat(EventReceiver.isInfrastructureFailure(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(EventReceiver.isInfrastructureFailure(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(EventReceiver.isInfrastructureFailure(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(EventReceiver.isInfrastructureFailure(new RuntimeException(
                "Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void aConstraintViolationIsAboutTheRecordAndIsNotWaitedOut() {
        assertThat(EventReceiver.isInfrastructureFailure(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(EventReceiver.isInfrastructureFailure(new IllegalStateException("bug"))).isFalse();
    }
}
