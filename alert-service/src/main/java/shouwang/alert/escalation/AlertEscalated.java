package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import shouwang.alert.cadre.Contact;
import shouwang.alert.signal.SignalKind;

/** alerts / AlertEscalated: one level up, the new deadline and who must act now. */
public record AlertEscalated(UUID alertId, UUID cadreId, String cadreName, SignalKind kind, String kindLabel,
        int fromLevel, int level, String levelLabel, Instant deadline, Instant escalatedAt,
        List<Actor> mustActNow, @JsonProperty("notify") List<Contact> notifyContacts, String districtCode) {
}
