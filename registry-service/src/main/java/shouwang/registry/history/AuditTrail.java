package shouwang.registry.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;

/** Writes the history, in the transaction of the change (or of the read) it records, and reads it back. */
@ApplicationScoped
public class AuditTrail {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String CONTACTS_ASSIGNED = "CONTACTS_ASSIGNED";
    public static final String MOVED = "MOVED";
    public static final String MOVED_AWAY = "MOVED_AWAY";
    public static final String DECEASED = "DECEASED";
    public static final String ID_NUMBER_VIEWED = "ID_NUMBER_VIEWED";

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    /** One change of a batch: the cadre's new version, the action and the fields that changed. */
    public record Change(UUID cadreId, long version, String action, Map<String, FieldChange> fields) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    AuditRepository repository;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID cadreId, long version, String action, String actor, String source,
            Map<String, FieldChange> changes) {
        line(new Change(cadreId, version, action, changes), actor, source, clock.now()).persist();
    }

    /** Many changes by one actor through one source (an import chunk), written as one batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedAll(List<Change> changes, String actor, String source, Instant at) {
        List<CadreAudit> lines = new ArrayList<>(changes.size());
        for (Change change : changes) {
            lines.add(line(change, actor, source, at));
        }
        repository.insertAll(lines);
    }

    /** Who saw which plain ID card numbers, and through which request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void idNumbersViewed(Collection<UUID> cadreIds, String actor, String source) {
        Instant now = clock.now();
        for (UUID cadreId : cadreIds) {
            line(cadreId, ID_NUMBER_VIEWED, actor, source, now).persist();
        }
    }

    /**
     * A cadre's history, oldest first, optionally one action only; all of it for whoever sees the cadre where it lives
     * now (a cadre that moved to another district is the new district's, with its history), else 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryEntry> history(UUID cadreId, String action, PageRequest page, CallerScope caller) {
        if (!caller.scope().districtWide()) {
            String[] placement = repository.placementOf(cadreId)
                    .orElseThrow(() -> new NotFoundException("Cadre", cadreId));
            caller.requireVisible("Cadre", cadreId, placement[0], placement[1], placement[2]);
        }
        // always a condition on the id: a missing one finds nothing rather than everybody's history
        return ListQuery.of(CadreAudit.class, "a")
                .where("a.cadreId = :cadreId", Collections.singletonMap("cadreId", cadreId))
                .eq("a.action", action)
                // by version within one instant: an import chunk stamps every line it writes with the same time, and a
                // number twice in one file is created and then revised in that chunk
                .orderBy("a.recordedAt asc, a.version asc nulls last, a.id asc").pageEach(page, this::entry);
    }

    private CadreAudit line(Change change, String actor, String source, Instant at) {
        CadreAudit line = line(change.cadreId(), change.action(), actor, source, at);
        line.version = change.version();
        line.changes = write(change.fields());
        return line;
    }

    private static CadreAudit line(UUID cadreId, String action, String actor, String source, Instant at) {
        CadreAudit line = new CadreAudit();
        line.id = UUID.randomUUID();
        line.cadreId = cadreId;
        line.action = action;
        line.actor = actor;
        line.source = source;
        line.recordedAt = at;
        return line;
    }

    private HistoryEntry entry(CadreAudit line) {
        try {
            return new HistoryEntry(line.recordedAt, line.actor, line.action, line.version, line.source,
                    line.changes == null ? null : json.readValue(line.changes, CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
