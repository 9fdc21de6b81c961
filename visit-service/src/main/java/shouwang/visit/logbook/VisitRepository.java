package shouwang.visit.logbook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import shouwang.kit.security.Placement;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** {@code last_contact}: the latest contact per cadre, layer and channel, which the cadence check reads. */
@ApplicationScoped
public class VisitRepository {

    @Inject
    EntityManager em;

    /** A campaign's greeting task a visit names (a taskId that is not a must-visit task): its cadre and layer. */
    @SuppressWarnings("unchecked")
    public Optional<GreetingTask> greetingTask(UUID taskId) {
        List<Object[]> rows = em.createNativeQuery("select cadre_id, layer, community_code, grid_code, unit_code, "
                + "purpose from campaign_task where id = ?1").setParameter(1, taskId).getResultList();
        return rows.stream().findFirst().map(row -> new GreetingTask((UUID) row[0], Layer.valueOf((String) row[1]),
                new Placement((String) row[2], (String) row[3], (String) row[4]), Purpose.valueOf((String) row[5])));
    }

    /** Whether a greeting task names this visit as the one that completed it. */
    public boolean completedGreeting(UUID taskId, UUID visitId) {
        return !em.createNativeQuery("select 1 from campaign_task where id = ?1 and visit_id = ?2")
                .setParameter(1, taskId).setParameter(2, visitId).getResultList().isEmpty();
    }

    /** The campaign table is the campaign capability's; the logbook only checks what a visit names. */
    public record GreetingTask(UUID cadreId, Layer layer, Placement placement, Purpose purpose) {
    }

    /** Keeps the later of the held contact and this visit (a visit logged late by an offline device is older). */
    public void recordContact(Visit visit) {
        em.createNativeQuery("insert into last_contact (cadre_id, layer, channel, last_contact_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (cadre_id, layer, channel) do update set last_contact_at = "
                + "greatest(last_contact.last_contact_at, excluded.last_contact_at)")
                .setParameter(1, visit.cadreId).setParameter(2, visit.layer.name())
                .setParameter(3, visit.channel.name())
                .setParameter(4, OffsetDateTime.ofInstant(visit.visitedAt, ZoneOffset.UTC))
                .executeUpdate();
    }
}
