package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

import shouwang.kit.events.EventSchema;

/**
 * On care-signals when a request waited too long for a dispatch or an acceptance: alert-service turns it into a
 * HELP_REQUEST alert, which escalates like any need; {@code serviceRequestId} keeps this service from opening another
 * order for that alert. No personal data: the details only name the stage and the service type. Key: the cadre.
 */
@EventSchema("care-signal.json")
public record HelpRequested(UUID signalId, UUID cadreId, String kind, Instant occurredAt, String details,
        String reportedBy, String serviceType, UUID serviceRequestId) {

    static final String TOPIC = "care-signals";
    static final String KIND = "HELP_REQUEST";
    static final String REPORTED_BY = "volunteer-service";
}
