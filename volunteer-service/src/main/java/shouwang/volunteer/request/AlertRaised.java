package shouwang.volunteer.request;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The part of alert-service's AlertRaised (topic alerts) that opens a service request: a HELP_REQUEST alert that is
 * not itself about one of our requests ({@code serviceRequestId} null). Other fields are ignored; values that would
 * not fit service_request's columns make the record poison (dead-lettered with the field named).
 */
public record AlertRaised(
        @NotNull UUID alertId,
        @NotNull UUID cadreId,
        String kind,
        @Size(max = 64) String communityCode,
        @Size(max = 64) String gridCode,
        @Size(max = 2000) String details,
        String serviceType,
        UUID serviceRequestId) {

    static final String HELP_REQUEST = "HELP_REQUEST";

    boolean opensRequest() {
        return HELP_REQUEST.equals(kind) && serviceRequestId == null;
    }
}
