package shouwang.registry.history;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes the history, in the transaction of the change (or of the read) it records. */
@ApplicationScoped
public class AuditTrail {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String CONTACTS_ASSIGNED = "CONTACTS_ASSIGNED";
    public static final String MOVED = "MOVED";
    public static final String MOVED_AWAY = "MOVED_AWAY";
    public static final String DECEASED = "DECEASED";
    public static final String ID_NUMBER_VIEWED = "ID_NUMBER_VIEWED";

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID cadreId, long version, String action, String actor, String source,
            Map<String, ? extends Object> changes) {
        CadreAudit entry = new CadreAudit();
        entry.id = UUID.randomUUID();
        entry.cadreId = cadreId;
        entry.version = version;
        entry.action = action;
        entry.actor = actor;
        entry.source = source;
        entry.recordedAt = Instant.now();
        entry.changes = toJson(changes);
        entry.persist();
    }

    /** Who saw which plain ID card numbers, and through which request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void idNumbersViewed(Collection<UUID> cadreIds, String actor, String source) {
        Instant now = Instant.now();
        for (UUID cadreId : cadreIds) {
            CadreAudit entry = new CadreAudit();
            entry.id = UUID.randomUUID();
            entry.cadreId = cadreId;
            entry.action = ID_NUMBER_VIEWED;
            entry.actor = actor;
            entry.source = source;
            entry.recordedAt = now;
            entry.persist();
        }
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
