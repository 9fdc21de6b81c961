package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import shouwang.alert.cadre.Contact;
import shouwang.alert.signal.SignalKind;

/**
 * alerts / MustVisitRequired: at raise (level 0) and at every escalation, the layers that must visit by when;
 * {@code districtCode} the alert's district, as on its AlertRaised / AlertEscalated (null when none is known).
 */
public record MustVisitRequired(UUID alertId, UUID cadreId, String cadreName, SignalKind kind, String kindLabel,
        int level, Instant deadline, List<LayerOrg> layers, @JsonProperty("notify") List<Contact> notifyContacts,
        String districtCode) {
}
