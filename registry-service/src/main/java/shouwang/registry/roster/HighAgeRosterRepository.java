package shouwang.registry.roster;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.paging.ListQuery;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.AgeBand;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreRepository;

/** The cadres that may be on a month's roster or on the previous month's, within a scope; and frozen rosters. */
@ApplicationScoped
public class HighAgeRosterRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    CadreRepository cadres;

    @Inject
    ObjectMapper json;

    /** A frozen month: when, by whom, and the changes of its list against the month before, with their placement. */
    public record Freeze(Instant frozenAt, String frozenBy, List<FrozenChange> changes) {
    }

    /** A change as frozen, with the cadre's placement then (so scope filters apply to the frozen list too). */
    public record FrozenChange(HighAgeRoster.Change change, Placement placement) {
    }

    /** An entry as frozen (ID number masked; the cipher kept for district-admin) and the placement then. */
    public record FrozenEntry(HighAgeRoster.Entry entry, Placement placement, String idNumberCipher) {
    }

    /**
     * Aged 80+ on the month's last day, and neither dead nor gone before the previous month's first day. Loaded
     * read-only: at 100,000 cadres a month's roster holds ~18,000 of them.
     *
     * @param communityCode only this community; null for the whole scope
     */
    public List<Cadre> candidates(YearMonth month, String communityCode, Scope scope) {
        LocalDate since = month.minusMonths(1).atDay(1);
        ListQuery<Cadre> query = ListQuery.of(Cadre.class, "c")
                .eq("c.placement.communityCode", communityCode)
                .atMost("c.birthDate", AgeBand.bornBy(month.atEndOfMonth(), 80))
                .where("c.deceasedOn is null or c.deceasedOn >= :value", since)
                .where("c.movedAwayOn is null or c.movedAwayOn >= :value", since)
                .inScope(scope, "c.placement");
        return cadres.readOnly(() -> query.list(entityManager));
    }

    public List<Cadre> cadres(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return cadres.readOnly(() -> entityManager.createQuery("from Cadre where id in :ids", Cadre.class)
                .setParameter("ids", ids).getResultList());
    }

    /** The month's freeze, null when the month is live. */
    public Freeze freeze(YearMonth month) {
        List<?> rows = entityManager.createNativeQuery(
                "select frozen_at, frozen_by, changes from roster_freeze where month = ?1")
                .setParameter(1, month.toString()).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        Instant at = row[0] instanceof Instant instant ? instant : ((Timestamp) row[0]).toInstant();
        return new Freeze(at, (String) row[1], read((String) row[2], new TypeReference<List<FrozenChange>>() {
        }));
    }

    /** Claims the month's freeze row; false when the month is already frozen (or being frozen). */
    public boolean lockFreeze(YearMonth month) {
        return entityManager.createNativeQuery("insert into roster_freeze (month, frozen_at, frozen_by, changes) "
                + "values (?1, now(), '', '[]') on conflict (month) do nothing")
                .setParameter(1, month.toString()).executeUpdate() == 1;
    }

    public void saveFreeze(YearMonth month, Instant at, String by, List<FrozenChange> changes,
            List<FrozenEntry> entries) {
        entityManager.createNativeQuery(
                "update roster_freeze set frozen_at = ?1, frozen_by = ?2, changes = ?3 where month = ?4")
                .setParameter(1, at).setParameter(2, by).setParameter(3, write(changes))
                .setParameter(4, month.toString()).executeUpdate();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("insert into roster_frozen_entry "
                    + "(month, cadre_id, band, community_code, grid_code, unit_code, id_number_cipher, entry) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FrozenEntry entry : entries) {
                    statement.setString(1, month.toString());
                    statement.setObject(2, entry.entry().cadreId());
                    statement.setString(3, entry.entry().band());
                    statement.setString(4, entry.placement().communityCode);
                    statement.setString(5, entry.placement().gridCode);
                    statement.setString(6, entry.placement().unitCode);
                    statement.setString(7, entry.idNumberCipher());
                    statement.setString(8, write(entry.entry()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** The frozen entries in the order the list was frozen in (community, name). */
    public List<FrozenEntry> frozenEntries(YearMonth month) {
        List<FrozenEntry> entries = new ArrayList<>();
        for (Object result : entityManager.createNativeQuery("select community_code, grid_code, unit_code, "
                + "id_number_cipher, entry from roster_frozen_entry where month = ?1")
                .setParameter(1, month.toString()).getResultList()) {
            Object[] row = (Object[]) result;
            entries.add(new FrozenEntry(read((String) row[4], new TypeReference<HighAgeRoster.Entry>() {
            }), new Placement((String) row[0], (String) row[1], (String) row[2]), (String) row[3]));
        }
        entries.sort(java.util.Comparator.comparing((FrozenEntry entry) -> entry.entry().communityCode())
                .thenComparing(entry -> entry.entry().name()).thenComparing(entry -> entry.entry().cadreId()));
        return entries;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
