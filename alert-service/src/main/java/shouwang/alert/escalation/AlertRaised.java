package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import shouwang.alert.cadre.Contact;
import shouwang.alert.signal.SignalKind;

/**
 * alerts / AlertRaised; {@code notify} is every responsible contact of the profile. {@code details},
 * {@code serviceType} and {@code serviceRequestId} are the raising signal's: volunteer-service opens a service order
 * for a help request that names none yet.
 */
public record AlertRaised(UUID alertId, UUID cadreId, String cadreName, SignalKind kind, String kindLabel,
        int level, Instant raisedAt, Instant deadline, List<UUID> signalIds, String communityCode,
        String gridCode, String unitCode, @JsonProperty("notify") List<Contact> notifyContacts, int policyVersion,
        String details, String serviceType, UUID serviceRequestId, String districtCode) {
}
